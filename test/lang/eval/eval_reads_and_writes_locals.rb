x = 10
p eval("x + 5")  # expect: 15
eval("x = 99")
p x  # expect: 99
