# Random and Kernel#rand: argument handling and determinism (CRuby's exact sequence is not required)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { Random.new(42).seed }  # expect: 42
t { Random.new(2**100).seed }  # expect: 1267650600228229401496703205376
t { Random.new(-5).seed }  # expect: -5
t { Random.new(1.5).seed }  # expect: 1
t { Random.new("a") }  # expect: TypeError: no implicit conversion of String into Integer
t { Random.new(42).rand(0) }  # expect: ArgumentError: invalid argument - 0
t { Random.new(42).rand(-1) }  # expect: ArgumentError: invalid argument - -1
t { Random.new(42).rand(-1.5) }  # expect: ArgumentError: invalid argument - -1.5
t { Random.new(42).rand(1..0) }  # expect: ArgumentError: invalid argument - 1..0
t { Random.new(42).rand(1.5).class }  # expect: Float
t { Random.new(42).rand(1.5..2.5).class }  # expect: Float
t { Random.new(42).rand("a") }  # expect: TypeError: no implicit conversion of String into Integer
t { Random.new(42).bytes(5).size }  # expect: 5
t { Random.new(42).bytes(5).encoding }  # expect: #<Encoding:ASCII-8BIT>
t { Random.new(42).bytes(-1) }  # expect: ArgumentError: negative string size (or size too big)
t { Random.new(42).rand == Random.new(42).rand }  # expect: true
t { a = Random.new(7); b = Random.new(7); Array.new(20) { a.rand(1000) } == Array.new(20) { b.rand(1000) } }  # expect: true
t { a = Random.new(7); b = Random.new(8); Array.new(20) { a.rand(10**30) } == Array.new(20) { b.rand(10**30) } }  # expect: false
t { r = Random.new(3); Array.new(1000) { r.rand(10) }.all? { |x| x >= 0 && x < 10 } }  # expect: true
t { r = Random.new(3); Array.new(1000) { r.rand(10) }.uniq.sort }  # expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
t { r = Random.new(3); Array.new(1000) { r.rand(5..7) }.uniq.sort }  # expect: [5, 6, 7]
t { r = Random.new(3); Array.new(1000) { r.rand(5...7) }.uniq.sort }  # expect: [5, 6]
t { r = Random.new(3); Array.new(1000) { r.rand }.all? { |x| x >= 0.0 && x < 1.0 } }  # expect: true
t { r = Random.new(3); Array.new(1000) { r.rand(2.5) }.all? { |x| x >= 0.0 && x < 2.5 } }  # expect: true
t { r = Random.new(3); Array.new(100) { r.rand(2**100) }.all? { |x| x >= 0 && x < 2**100 } }  # expect: true
t { r = Random.new(3); Array.new(100) { r.rand(2**100) }.any? { |x| x > 2**90 } }  # expect: true
t { Random.new(1) == Random.new(1) }  # expect: true
t { Random.new(1) == Random.new(2) }  # expect: false
t { Random::DEFAULT }  # expect: Random
t { Random.new_seed.class }  # expect: Integer
t { Random.rand(0) }  # expect: ArgumentError: invalid argument - 0
t { Random.rand(3.5).class }  # expect: Float
t { Random.rand(10).between?(0, 9) }  # expect: true
t { Random.urandom(4).size }  # expect: 4
t { Random.bytes(3).size }  # expect: 3
t { srand(5); srand(6) }  # expect: 5
t { srand(10); a = [rand, rand(100)]; srand(10); a == [rand, rand(100)] }  # expect: true
t { rand(0).class }  # expect: Float
t { rand(nil).class }  # expect: Float
t { rand(-5).between?(0, 4) }  # expect: true
t { rand(1.5) }  # expect: 0
t { rand(1..1) }  # expect: 1
t { rand(1...1) }  # expect: nil
t { rand("a") }  # expect: TypeError: no implicit conversion of String into Integer
