# yield at the top level is a SyntaxError when the file compiles, as CRuby 3.1: nothing runs
puts "not printed"
[1].each { yield }
# expect error: Invalid yield
