class Base
  @@registry = []
  def self.register(x) = @@registry << x
  def self.registry = @@registry
end
class Sub < Base
  register :from_sub
end
Base.register :from_base
p Base.registry  # expect: [:from_sub, :from_base]
p Sub.registry  # expect: [:from_sub, :from_base]
