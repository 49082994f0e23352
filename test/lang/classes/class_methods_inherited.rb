class Parent
  def self.create = new
  def self.kind = name
end
class Kid < Parent; end
p Kid.create.class  # expect: Kid
p Kid.kind  # expect: "Kid"
