# Hash: errors and iteration rules
def t
  yield
rescue => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
end
h = {a: 1}
t { h.fetch(:x) }  # expect: KeyError: key not found: :x
t { h.fetch("x") }  # expect: KeyError: key not found: "x"
t { h.each { h[:b] = 2 } }  # expect: RuntimeError: can't add a new key into hash during iteration
t { h.each { h.rehash } }  # expect: RuntimeError: rehash during iteration
t { h.dup.freeze[:c] = 1 }  # expect: FrozenError: can't modify frozen Hash: {:a=>1}
t { Hash.new(1) {} }  # expect: ArgumentError: wrong number of arguments (given 1, expected 0)
t { Hash.new(&->(a) {}) }  # expect: TypeError: default_proc takes two arguments (2 for 1)
t { Hash[1, 2, 3] }  # expect: ArgumentError: odd number of arguments for Hash
t { Hash[[1]] }  # expect: ArgumentError: wrong element type Integer at 0 (expected array)
t { {a: 1}.fetch_values(:a, :z) }  # expect: KeyError: key not found: :z
t { {a: 1}.dig(:a, :b) }  # expect: TypeError: Integer does not have #dig method
t { {a: 1}.to_h { 1 } }  # expect: TypeError: wrong element type Integer (expected array)
t { {a: 1}.to_h { [1] } }  # expect: ArgumentError: element has wrong array length (expected 2, was 1)
t { {}.default_proc = 1 }  # expect: TypeError: wrong default_proc type Integer (expected Proc)
t { {a: 1}.freeze.delete(:a) }  # expect: FrozenError: can't modify frozen Hash: {:a=>1}
t { {a: 1}.sum }  # expect: TypeError: Array can't be coerced into Integer
x = {a: 1, b: 2, c: 3}
x.each { |k, v| x.delete(:b) if k == :a }
p x  # expect: {:a=>1, :c=>3}
y = {a: 1}
y.each { y[:a] = 5 }
p y  # expect: {:a=>5}
