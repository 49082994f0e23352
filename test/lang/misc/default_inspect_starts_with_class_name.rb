class Bare; end
o = Bare.new
p o.to_s.start_with?("#<Bare")  # expect: true
p o.inspect.start_with?("#<Bare")  # expect: true
p o.class.to_s  # expect: "Bare"
