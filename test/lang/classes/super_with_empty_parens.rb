class Base
  def m(*args) = args
end
class Child < Base
  def m(a, b)
    super()
  end
end
p Child.new.m(1, 2)  # expect: []
