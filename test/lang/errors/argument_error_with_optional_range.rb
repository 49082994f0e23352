def range_args(a, b = 1); end
range_args(1, 2, 3)
# expect error: wrong number of arguments (given 3, expected 1..2) (ArgumentError)
