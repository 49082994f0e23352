class Base
  def greet(name, punct)
    "Hello #{name}#{punct}"
  end
end
class Child < Base
  def greet(name, punct)
    super(name.upcase, "!") + " (child)"
  end
end
p Child.new.greet("ann", ".")  # expect: "Hello ANN! (child)"
