# Struct#values_at checks Integer offsets as Struct#[] does and takes Ranges as
# Array#values_at; a beginless Range's size is Infinity whatever its end (CRuby 3.1)
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
S = Struct.new(:a, :b)
s = S.new(1, 2)
t { s.values_at(0..3) }
t { s.values_at(-3) }
t { s.values_at(1, -1, 0..1) }
t { s.values_at(2) }
t { s.values_at(1..5) }
t { s.values_at(3..5) }
t { s.values_at(:a) }
t { s.values_at(1.9) }
t { s.values_at }
t { (nil..nil).size }
t { (..'c').size }
t { (..1).size }
t { (..1.5).size }
t { ('a'..).size }
t { (1..).size }
# expect: [1, 2, nil, nil]
# expect: IndexError: offset -3 too small for struct(size:2)
# expect: [2, 2, 1, 2]
# expect: IndexError: offset 2 too large for struct(size:2)
# expect: [2, nil, nil, nil, nil]
# expect: [nil, nil, nil]
# expect: TypeError: no implicit conversion of Symbol into Integer
# expect: [2]
# expect: []
# expect: Infinity
# expect: Infinity
# expect: Infinity
# expect: Infinity
# expect: nil
# expect: Infinity
