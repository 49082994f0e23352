x = 1
p defined?(x)  # expect: "local-variable"
p defined?(y)  # expect: nil
p defined?(puts)  # expect: "method"
p defined?(String)  # expect: "constant"
p defined?(@foo)  # expect: nil
@foo = 1
p defined?(@foo)  # expect: "instance-variable"
p defined?(3 + 3)  # expect: "method"
p defined?(Nope)  # expect: nil
p defined?($stdout)  # expect: "global-variable"
