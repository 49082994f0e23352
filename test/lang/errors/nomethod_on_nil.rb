x = nil
x.foo
# expect error: undefined method `foo' for nil:NilClass (NoMethodError)
