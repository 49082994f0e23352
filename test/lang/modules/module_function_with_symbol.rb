module Calc
  def add(a, b) = a + b
  module_function :add
end
p Calc.add(2, 3)  # expect: 5
