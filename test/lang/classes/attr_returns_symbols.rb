class A
  r = attr_accessor :x, :y
  p r  # expect: [:x, :x=, :y, :y=]
end
