5.frobnicate
# expect error: undefined method `frobnicate' for 5:Integer (NoMethodError)
