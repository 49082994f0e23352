# Kernel#methods, singleton_methods, public/private_methods, extend and its hooks
class Animal
  def speak; end
  def legs; end
  protected def secret; end
  private def hidden; end
end
a = Animal.new
def a.fly; end
p a.singleton_methods
p (a.methods & [:speak, :legs, :secret, :hidden, :fly]).sort
p (a.public_methods & [:speak, :legs, :secret, :hidden, :fly]).sort
p (a.private_methods & [:hidden, :puts, :speak]).sort
p a.protected_methods
p a.methods(false)
p Animal.new.singleton_methods
module Loud
  def self.extended(base); puts "extended #{base.class}"; end
  def shout; "HEY"; end
end
module Quiet; def whisper; "psst"; end; end
b = Animal.new
p b.extend(Loud, Quiet).equal?(b)
p b.shout, b.whisper, b.singleton_class.ancestors.first(3).drop(1)
p b.singleton_methods.sort, b.singleton_methods(false)
begin
  b.extend(3)
rescue TypeError => e
  p e.message
end
class Animal; def self.create; new; end; end
class Dog < Animal; end
p Animal.singleton_methods, Dog.singleton_methods, Dog.singleton_methods(false)
p 1.singleton_methods

# expect: [:fly]
# expect: [:fly, :legs, :secret, :speak]
# expect: [:fly, :legs, :speak]
# expect: [:hidden, :puts]
# expect: [:secret]
# expect: [:fly]
# expect: []
# expect: extended Animal
# expect: true
# expect: "HEY"
# expect: "psst"
# expect: [Loud, Quiet]
# expect: [:shout, :whisper]
# expect: []
# expect: "wrong argument type Integer (expected Module)"
# expect: [:create]
# expect: [:create]
# expect: []
# expect: []
