# where using may be called; &:sym, Kernel#method and eval see the refinements
module M
  refine(String) { def zz = "zz:#{self}" }
end
def in_method = using(M)
begin
  in_method
rescue RuntimeError => e
  p e.message
end
class C
  def self.in_class_method = using(M)
end
begin
  C.in_class_method
rescue RuntimeError => e
  p e.message
end
begin
  C.send(:using, M)
rescue RuntimeError => e
  p e.message
end
p "x".respond_to?(:zz)
using M
p %w[a b].map(&:zz)
p "c".method(:zz).call
p eval('"d".zz')
# expect: "main.using is permitted only at toplevel"
# expect: "Module#using is not permitted in methods"
# expect: "Module#using is not called on self"
# expect: false
# expect: ["zz:a", "zz:b"]
# expect: "zz:c"
# expect: "zz:d"
