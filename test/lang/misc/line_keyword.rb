p __LINE__  # expect: 1
x = __LINE__
p x  # expect: 2
