class W
  def v=(x)
    @v = x * 2
    :ignored
  end
  attr_reader :v
end
w = W.new
r = (w.v = 5)
p r  # expect: 5
p w.v  # expect: 10
