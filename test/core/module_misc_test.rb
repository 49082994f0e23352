# Module.used_modules / Module.constants / Class.allocate, Numeric#singleton_method_added is public
p 1.public_methods.include?(:singleton_method_added)
class NumY < Numeric; end
p Numeric.public_instance_methods(false).include?(:singleton_method_added)
p Module.used_modules
module RefA; refine(String) { def za = 1 }; end
module RefB; refine(Integer) { def zb = 2 }; end
using RefA
using RefB
p Module.used_modules
p Module.constants.include?(:String), Module.constants(false).include?(:String)
class ConstHolder
  INNER_CONST = 1
  p Module.constants.include?(:INNER_CONST), Module.constants.include?(:Object)
end
p Module.constants.include?(:INNER_CONST)
p Class.allocate.class, Class.method(:allocate).owner, Class.allocate.instance_of?(Class)
class NumZ < Numeric; end
nz = NumZ.new
begin; def nz.foo; end; rescue => e; p e.class, e.message; end
f = 1.5
begin; def f.foo; end; rescue => e; p e.class, e.message; end
module LaterRef; refine(Array) { def zc = 3 }; end
using LaterRef
p Module.used_modules
mm = Module.new
p Module.instance_method(:==).owner, mm == mm, mm == Module.new, Comparable == Comparable.dup
# expect: true
# expect: true
# expect: []
# expect: [RefA, RefB]
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: Class
# expect: #<Class:Class>
# expect: true
# expect: TypeError
# expect: "can't define singleton method \"foo\" for NumZ"
# expect: TypeError
# expect: "can't define singleton"
# expect: [RefA, RefB, LaterRef]
# expect: Module
# expect: true
# expect: false
# expect: false
