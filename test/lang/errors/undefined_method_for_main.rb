qqq_no_such_method(1)
# expect error: undefined method `qqq_no_such_method' for main:Object (NoMethodError)
