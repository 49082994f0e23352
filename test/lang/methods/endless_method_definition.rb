def square(x) = x * x
def hello = "hello"
p square(7)  # expect: 49
p hello  # expect: "hello"
