def atleast(a, b, *rest); end
atleast(1)
# expect error: wrong number of arguments (given 1, expected 2+) (ArgumentError)
