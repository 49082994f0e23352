at_exit { puts "registered first, runs last" }
at_exit { puts "registered second, runs first" }
puts "main done"

# expect: main done
# expect: registered second, runs first
# expect: registered first, runs last
