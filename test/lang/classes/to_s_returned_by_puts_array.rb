class Item
  def initialize(n) = @n = n
  def to_s = "item#{@n}"
end
puts [Item.new(1), Item.new(2)]
puts "#{[Item.new(3)].join(",")}"

# expect: item1
# expect: item2
# expect: item3
