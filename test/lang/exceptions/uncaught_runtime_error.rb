puts "before"  # expect: before
raise "something bad"
puts "after"
# expect error: something bad (RuntimeError)
