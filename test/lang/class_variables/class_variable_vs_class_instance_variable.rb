class Parent
  @civ = "parent civ"
  @@cv = "shared cv"
  def self.civ = @civ
  def self.cv = @@cv
end
class Child < Parent; end
p Parent.civ  # expect: "parent civ"
p Child.civ  # expect: nil
p Child.cv  # expect: "shared cv"
