# ruby2_keywords: keywords kept in *args as a flagged Hash and passed on as keywords by a splat
class A; def m(*a, k: 0) = [a, k]; end
class B < A
  ruby2_keywords def m(*a)
    super
  end
end
p B.new.m(1, k: 2)
class C < A
  ruby2_keywords def m(*a) = super(*a)
end
p C.new.m(3, k: 4)
h = {k: 5}
class E < A; ruby2_keywords def m(*a); r = super(*a); r; end; end
p E.new.m(**h); p Hash.ruby2_keywords_hash?(h)
def kw(a, **o) = [a, o]
ruby2_keywords def pass(*a, &b) = kw(*a, &b)
p pass(1, x: 2)
p pass({x: 2})
p pass(1, {x: 3}) rescue p $!
ruby2_keywords def deep1(*a) = deep2(*a)
ruby2_keywords def deep2(*a) = kw(*a)
p deep1(9, z: 1)
o = Object.new
def o.method_missing(n, *a, &b) = n == :foo ? kw(*a) : super
o.singleton_class.send(:ruby2_keywords, :method_missing)
def o.kw(a, **o) = [a, o]
p o.foo(1, y: 2)
begin
  Module.new { ruby2_keywords :nope }
rescue NameError => e
  puts e.class
end
p Hash.ruby2_keywords_hash?(Hash.ruby2_keywords_hash({a: 1}))
# expect: [[1], 2]
# expect: [[3], 4]
# expect: [[], 5]
# expect: false
# expect: [1, {:x=>2}]
# expect: [{:x=>2}, {}]
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 1)>
# expect: [9, {:z=>1}]
# expect: [1, {:y=>2}]
# expect: NameError
# expect: true
