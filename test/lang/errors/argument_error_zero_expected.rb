def none; end
none(1)
# expect error: wrong number of arguments (given 1, expected 0) (ArgumentError)
