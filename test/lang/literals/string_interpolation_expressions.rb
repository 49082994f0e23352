x = 3
puts "sum: #{x + 4}"  # expect: sum: 7
puts "nested: #{"inner #{x * 2}"}"  # expect: nested: inner 6
puts "call: #{[1, 2, 3].map { |n| n * x }.join(",")}"  # expect: call: 3,6,9
puts "empty: [#{}]"  # expect: empty: []
puts "#{x}#{x}"  # expect: 33
