class Counter
  def initialize = @n = 0
  def zero? = @n == 0
  def bump! = @n += 1
end
c = Counter.new
p c.zero?  # expect: true
c.bump!
p c.zero?  # expect: false
