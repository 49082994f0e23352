class Tool
  def inspect = "tool"
  def use = :used
  def other = :other
  undef use
end
t = Tool.new
p t.respond_to?(:use)  # expect: false
p t.other  # expect: :other
t.use
# expect error: undefined method `use' for tool:Tool (NoMethodError)
