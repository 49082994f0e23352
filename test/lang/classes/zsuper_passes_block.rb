class Base
  def each_item
    yield :base_item
  end
end
class Child < Base
  def each_item
    super
  end
end
Child.new.each_item { |i| p i }  # expect: :base_item
