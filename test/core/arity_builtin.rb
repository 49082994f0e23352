# Arity and argument checks of built-in methods, as CRuby's: a C method that
# takes optional arguments reports -1; BasicObject#initialize takes none.
p Comparable.instance_method(:clamp).arity, "".method(:sub).arity, [].method(:fetch).arity
p Array.instance_method(:[]=).arity, File.method(:basename).arity, Kernel.instance_method(:puts).arity
p [].method(:push).parameters, "".method(:upcase).arity, 1.method(:+).arity
p((Object.new(1) rescue $!.message))
class WithSplat; def initialize(*a) = super; end
p((WithSplat.new(1) rescue $!.message))
p WithSplat.new.class
p File.dirname("/a/b/c/d", 2), File.dirname("/a/b", 0), File.dirname("a/b/c", 5), File.dirname("/a/b/c", 9)
p((File.dirname("/a", -1) rescue $!.message))
p proc { |x, y| [x, y] }.===(1, 2), proc { |x| x }.===(1, 2), Proc.instance_method(:===).arity
p Thread.current.pending_interrupt?, Thread.instance_method(:pending_interrupt?).arity
# expect: -1
# expect: -1
# expect: -1
# expect: -1
# expect: -1
# expect: -1
# expect: [[:rest]]
# expect: -1
# expect: 1
# expect: "wrong number of arguments (given 1, expected 0)"
# expect: "wrong number of arguments (given 1, expected 0)"
# expect: WithSplat
# expect: "/a/b"
# expect: "/a/b"
# expect: "."
# expect: "/"
# expect: "negative level: -1"
# expect: [1, 2]
# expect: 1
# expect: -1
# expect: false
# expect: -1
