# to_h blocks and Hash[] name a special constant by value in their TypeError;
# ENV.to_h takes a block; a key changed after it was stored is not found again
# until rehash (the cached hash is compared before the key itself)
def t
  puts yield.inspect
rescue => e
  puts "#{e.class}: #{e.message}"
end
t { {a: 1}.to_h { nil } }
t { {a: 1}.to_h { false } }
t { {a: 1}.to_h { 1 } }
t { {a: 1}.to_h { [1] } }
t { [nil].each.to_h }
t { [true].each.to_h { |x| x } }
t { Struct.new(:a).new(1).to_h { true } }
t { Hash[[nil]] }
t { Hash[[:a]] }
t { [1].to_h { nil } }
ENV["MAGLEV_TO_H_TEST"] = "x"
t { ENV.to_h { |k, v| [k, 1] }.values.uniq }
t { ENV.to_h { 1 } }
t { ENV.to_h { [1] } }
t { ENV.to_hash { 1 }.size > 0 }
a = [1]
h = {a => 1}
a << 2
t { [h[a], h.key?(a), h.delete(a), h.size] }
t { h.rehash[a] }
b = [1]
big = (1..20).to_h { [_1, _1] }
big[b] = :b
b << 2
t { [big[b], big.key?(b), big[[1]], big.rehash[b]] }
c = [1]
ih = {c => 1}.compare_by_identity
c << 2
t { [ih[c], ih.key?(c)] }
n = Float::NAN
t { {n => 1}[n] }

# expect: TypeError: wrong element type nil (expected array)
# expect: TypeError: wrong element type false (expected array)
# expect: TypeError: wrong element type Integer (expected array)
# expect: ArgumentError: element has wrong array length (expected 2, was 1)
# expect: TypeError: wrong element type nil (expected array)
# expect: TypeError: wrong element type true (expected array)
# expect: TypeError: wrong element type true (expected array)
# expect: ArgumentError: wrong element type nil at 0 (expected array)
# expect: ArgumentError: wrong element type Symbol at 0 (expected array)
# expect: TypeError: wrong element type NilClass at 0 (expected array)
# expect: [1]
# expect: TypeError: wrong element type Integer (expected array)
# expect: ArgumentError: element has wrong array length (expected 2, was 1)
# expect: true
# expect: [nil, false, nil, 1]
# expect: 1
# expect: [nil, false, nil, :b]
# expect: [1, true]
# expect: 1
