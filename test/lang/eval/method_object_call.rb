def greet(name) = "hi #{name}"
m = method(:greet)
p m.call("bob")  # expect: "hi bob"
p m.name  # expect: :greet
p m.arity  # expect: 1
um = 5.method(:+)
p um.call(10)  # expect: 15
p um.owner  # expect: Integer
