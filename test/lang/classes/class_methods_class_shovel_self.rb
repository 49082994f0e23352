class Registry
  class << self
    def items = @items ||= []
    def add(x)
      items << x
      self
    end
  end
end
Registry.add(1).add(2)
p Registry.items  # expect: [1, 2]
