p eval("1 + 2 * 3")  # expect: 7
p eval("[1, 2].map { |x| x * 10 }")  # expect: [10, 20]
