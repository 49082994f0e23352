puts "shown" if true  # expect: shown
puts "hidden" if false
puts "unless shown" unless false  # expect: unless shown
x = 5
x += 1 while x < 10
p x  # expect: 10
