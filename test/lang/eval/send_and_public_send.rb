class Calc
  def add(a, b) = a + b
  private def mul(a, b) = a * b
end
c = Calc.new
p c.send(:add, 1, 2)  # expect: 3
p c.send("mul", 3, 4)  # expect: 12
p c.public_send(:add, 5, 6)  # expect: 11
p 5.send(:+, 3)  # expect: 8
p [3, 1, 2].send(:sort)  # expect: [1, 2, 3]
