class Money
  def initialize(c) = @c = c
  def to_s = "$#{@c / 100}.#{@c % 100}"
end
m = Money.new(1234)
puts m  # expect: $12.34
puts "cost: #{m}"  # expect: cost: $12.34
p m.to_s  # expect: "$12.34"
