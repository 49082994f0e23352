class Box
  attr_accessor :n
  def n=(v)
    puts "set #{v}"
    @n = v
  end
end
b = Box.new
b.n = 1
b.n += 2
p b.n
b.n ||= 100
p b.n

# expect: set 1
# expect: set 3
# expect: 3
# expect: 3
