class Parent
  def m = :parent
end
class Child < Parent
  def m = :child
end
p Child.new.m  # expect: :child
class Child
  remove_method :m
end
p Child.new.m  # expect: :parent
