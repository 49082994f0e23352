class Base
  def self.make = "base make"
end
class Derived < Base
  def self.make = super + " + derived"
end
p Derived.make  # expect: "base make + derived"
