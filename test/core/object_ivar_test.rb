# instance_variable_get/set/defined?, instance_variables, remove_instance_variable
class Box
  def initialize; @a = 1; @b = 2; end
end
b = Box.new
p b.instance_variables
p b.instance_variable_get(:@a), b.instance_variable_get("@b"), b.instance_variable_get(:@zz)
p b.instance_variable_set(:@c, 3), b.instance_variables
p b.instance_variable_defined?(:@c), b.instance_variable_defined?("@nope")
p b.remove_instance_variable(:@a), b.instance_variables
begin
  b.remove_instance_variable(:@a)
rescue NameError => e
  p e.class, e.name
end
["foo", "@", "@@x", "@1"].each do |bad|
  begin
    b.instance_variable_get(bad)
  rescue NameError => e
    p [bad, e.class]
  end
end
begin
  b.instance_variable_get(3)
rescue TypeError => e
  p e.message
end
begin
  "x".freeze.instance_variable_set(:@x, 1)
rescue FrozenError => e
  p e.message
end
begin
  1.instance_variable_set(:@x, 1)
rescue => e
  p e.class, e.message
end
s = "str"
s.instance_variable_set(:@tag, :t)
p s.instance_variables, s.instance_variable_get(:@tag)
class Klass; @civ = 5; end
p Klass.instance_variables, Klass.instance_variable_get(:@civ)
p 1.instance_variables, nil.instance_variable_get(:@x)

# expect: [:@a, :@b]
# expect: 1
# expect: 2
# expect: nil
# expect: 3
# expect: [:@a, :@b, :@c]
# expect: true
# expect: false
# expect: 1
# expect: [:@b, :@c]
# expect: NameError
# expect: :@a
# expect: ["foo", NameError]
# expect: ["@", NameError]
# expect: ["@@x", NameError]
# expect: ["@1", NameError]
# expect: "3 is not a symbol nor a string"
# expect: "can't modify frozen String: \"x\""
# expect: FrozenError
# expect: "can't modify frozen Integer: 1"
# expect: [:@tag]
# expect: :t
# expect: [:@civ]
# expect: 5
# expect: []
# expect: nil
