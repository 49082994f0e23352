# the report of an uncaught NoMethodError on nil
value = nil
value.name
# expect error: undefined method `name' for nil:NilClass (NoMethodError)
# expect error: value.name
# expect error:      ^^^^^
