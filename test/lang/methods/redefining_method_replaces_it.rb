def v = 1
p v  # expect: 1
def v = 2
p v  # expect: 2
