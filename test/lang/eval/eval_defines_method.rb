eval("def from_eval(a) = a * 3")
p from_eval(4)  # expect: 12
