# Integer#times/upto/downto and Numeric#step with and without blocks
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { a = []; 3.times { |i| a << i }; a }  # expect: [0, 1, 2]
t { 0.times { raise "no" } }  # expect: 0
t { -2.times { raise "no" } }  # expect: -2
t { 3.times.to_a }  # expect: [0, 1, 2]
t { a = []; 1.upto(3) { |i| a << i }; a }  # expect: [1, 2, 3]
t { 1.upto(3.5).to_a }  # expect: [1, 2, 3]
t { 3.upto(1).to_a }  # expect: []
t { a = []; 3.downto(1) { |i| a << i }; a }  # expect: [3, 2, 1]
t { 1.upto("a").to_a }  # expect: ArgumentError: comparison of Integer with String failed
t { (2**64).upto(2**64 + 2).to_a }  # expect: [18446744073709551616, 18446744073709551617, 18446744073709551618]
t { 1.step(10, 3).to_a }  # expect: [1, 4, 7, 10]
t { 10.step(1, -3).to_a }  # expect: [10, 7, 4, 1]
t { 1.step(by: 2, to: 5).to_a }  # expect: [1, 3, 5]
t { 1.step(2, 0.5).to_a }  # expect: [1.0, 1.5, 2.0]
t { 1.0.step(2.0, 0.1).to_a }  # expect: [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7000000000000002, 1.8, 1.9, 2.0]
t { 1.0.step(by: 0.1, to: 1.3).to_a }  # expect: [1.0, 1.1, 1.2, 1.3]
t { 0.1.step(0.3, 0.1).to_a }  # expect: [0.1, 0.2, 0.3]
t { 1.step(-1, -0.5).to_a }  # expect: [1.0, 0.5, 0.0, -0.5, -1.0]
t { 1.step(3.0).to_a }  # expect: [1.0, 2.0, 3.0]
t { 1.step(by: -1).first(3) }  # expect: [1, 0, -1]
t { 1.step(nil, 2).first(3) }  # expect: [1, 3, 5]
t { 1.step(Float::INFINITY, 2).first(3) }  # expect: [1.0, 3.0, 5.0]
t { 1.0.step(2.0, Float::INFINITY).to_a }  # expect: [1.0]
t { 1.step(2, 0) }  # expect: ArgumentError: step can't be 0
t { 1.step(3, 1, by: 2) }  # expect: ArgumentError: step is given twice
t { 1.step(3, 1, to: 2) }  # expect: ArgumentError: to is given twice
t { 1.step(3, "a").first(2) }  # expect: ArgumentError: comparison of String with 0 failed
t { 1.step(2, 1, foo: 1) }  # expect: ArgumentError: unknown keyword: :foo
t { x = 0; 1.0.step(2.0, 0.5) { |v| x += v }; x }  # expect: 4.5
t { r = []; 1.step(10, 4) { |i| r << i }; r }  # expect: [1, 5, 9]
t { 1.step(3) { } }  # expect: 1
t { (2**64).step(2**64 + 2).to_a }  # expect: [18446744073709551616, 18446744073709551617, 18446744073709551618]
t { 1.step(3, 2**64).to_a }  # expect: [1]
t { 5.times.map { |i| i * i } }  # expect: [0, 1, 4, 9, 16]
t { 4.times.sum }  # expect: 6
