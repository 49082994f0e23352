# methods of a user class, and a private method suggested for a call without receiver
class Greeter
  def initialize(name) = @name = name
  def greet = "hello #{@name}"
  def inspect = "#<Greeter>"
end
def hello_world = "hi"
begin
  Greeter.new("x").gret
rescue NoMethodError => e
  puts e.message
end
begin
  hello_wrld
rescue NameError => e
  puts e.message
end
# expect: undefined method `gret' for #<Greeter>
# expect:
# expect:   Greeter.new("x").gret
# expect:                   ^^^^^
# expect: Did you mean?  greet
# expect: undefined local variable or method `hello_wrld' for main:Object
# expect:
# expect:   hello_wrld
# expect:   ^^^^^^^^^^
# expect: Did you mean?  hello_world
