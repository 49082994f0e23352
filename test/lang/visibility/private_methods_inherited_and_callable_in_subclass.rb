class Parent
  private def helper = "parent helper"
end
class Child < Parent
  def use = helper
end
p Child.new.use  # expect: "parent helper"
