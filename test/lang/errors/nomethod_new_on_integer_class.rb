Integer.new
# expect error: undefined method `new' for Integer:Class (NoMethodError)
