x = 10
add = ->(n) { n + x }
x = 20
p add.call(1)  # expect: 21
