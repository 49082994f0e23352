class Animal
  def speak = "..."
  def intro = "I say #{speak}"
end
class Dog < Animal
  def speak = "Woof"
end
p Dog.new.intro  # expect: "I say Woof"
p Animal.new.intro  # expect: "I say ..."
p Dog.superclass  # expect: Animal
p Dog.superclass.superclass  # expect: Object
p Dog.new.is_a?(Animal)  # expect: true
p Dog.new.instance_of?(Animal)  # expect: false
