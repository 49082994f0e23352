# Module#refine of core classes: Integer, String, and a module (Enumerable)
module CoreExt
  refine Integer do
    def minutes = self * 60
    def +(other) = "plus #{other}"
  end
  refine Enumerable do
    def average = sum.fdiv(count)
  end
end
using CoreExt
p 2.minutes
p 1.+(2)
p [1, 2, 3, 4].average
p (1..3).average
p CoreExt.refinements.map(&:class) rescue p $!.class
# expect: 120
# expect: "plus 2"
# expect: 2.5
# expect: 2.0
# expect: NoMethodError
