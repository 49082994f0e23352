module Owned
  def thing; end
end
class Holder
  include Owned
end
p Holder.instance_method(:thing).owner  # expect: Owned
p Owned.instance_methods  # expect: [:thing]
