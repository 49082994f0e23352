# refine/using: refined methods, super to the class's own method, the Refinement object
module Greet
  refine String do
    def shout = upcase + "!"
    def length = super * 10
  end
end
p "abc".respond_to?(:shout)
using Greet
p "hi".shout, "abc".length
module IntExt
  R = refine(Integer) { def double = self * 2 }
end
using IntExt
p 4.double, IntExt::R.class, IntExt::R
class Foo
  using Module.new { refine(Array) { def second = self[1] } }
  p [1, 2].second
end
begin
  using Class.new
rescue TypeError => e
  p e.message
end
# expect: false
# expect: "HI!"
# expect: 30
# expect: 8
# expect: Refinement
# expect: #<refinement:Integer@IntExt>
# expect: 2
# expect: "wrong argument type Class (expected Module)"
