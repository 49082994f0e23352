def two(a, b); end
two(1)
# expect error: wrong number of arguments (given 1, expected 2) (ArgumentError)
