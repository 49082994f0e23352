class Store
  def []=(k, v)
    :ignored
  end
end
s = Store.new
p(s[:a] = 3)  # expect: 3
