o = Object.new
class << o
  def hi = "hi from singleton"
end
p o.hi  # expect: "hi from singleton"
p o.singleton_class.instance_methods(false)  # expect: [:hi]
