class Base
  def m(x) = "base #{x}"
end
class Child < Base
  def m(x)
    x = x * 10
    super
  end
end
p Child.new.m(4)  # expect: "base 40"
