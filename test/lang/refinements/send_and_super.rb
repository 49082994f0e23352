# send sees the caller's refinements (Ruby 3.1); super in a refined method
# reaches the class's own method; a refined method sees its own refinements
class Animal
  def speak = "..."
  def name = "animal"
end
module Loud
  refine Animal do
    def speak = super + "!!! says #{label}"
    def label = name.upcase
  end
end
using Loud
a = Animal.new
p a.speak
p a.send(:speak)
p a.__send__(:label)
p a.public_send(:name), a.public_send(:label)
# expect: "...!!! says ANIMAL"
# expect: "...!!! says ANIMAL"
# expect: "ANIMAL"
# expect: "animal"
# expect: "ANIMAL"
