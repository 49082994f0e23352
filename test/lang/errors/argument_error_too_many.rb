def one(a); end
one(1, 2)
# expect error: wrong number of arguments (given 2, expected 1) (ArgumentError)
