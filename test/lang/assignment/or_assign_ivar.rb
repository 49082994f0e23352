class Cache
  def value
    @value ||= compute
  end
  def compute
    puts "computing"  # expect: computing
    42
  end
end
c = Cache.new
p c.value  # expect: 42
p c.value  # expect: 42
