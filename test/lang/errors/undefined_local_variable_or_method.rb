puts "start"  # expect: start
puts qqq_unknown_name
# expect error: undefined local variable or method `qqq_unknown_name' for main:Object (NameError)
