# Loops that release each iteration's temporaries still hand the block the
# right values and keep what they return (results, counters past the fixnum
# range, string successors, the last MatchData)
out = []
(1..7).each_slice(3) { |a| out << a.map { |x| x.to_s * 2 } }
(1..5).each_cons(2) { |a| out << a.sum.to_s }
(1..3).each_entry { |x| out << "e#{x}" }
p (1..3).each_with_object([]) { |x, m| m << "o#{x}" }
p [1, 2].each_with_object({}) { |x, m| m[x] = x.to_s }
p out
h = { a: 1, b: 2 }
r = []
h.each_pair { |k, v| r << "#{k}=#{v}" }
h.each_key { |k| r << k.to_s * 2 }
h.each_value { |v| r << (v * 10).to_s }
h.each_with_index { |(k, v), i| r << "#{k}#{v}#{i}" }
p r
s = []
(1..10).step(3) { |i| s << i.to_s }
(1.0..2.0).step(0.5) { |f| s << f.to_s }
(1r..2r).step(1r/2) { |q| s << q.to_s }
1.step(2**64 + 4, 2**63) { |i| s << i.to_s }
(2**64).step(2**64 + 2) { |i| s << i.to_s }
1.0.step(2.0, 0.25) { |f| s << f.inspect }
1.step(10, 4).each { |i| s << "a#{i}" }
(2**64).upto(2**64 + 1) { |i| s << i.to_s }
(2**64 + 1).downto(2**64) { |i| s << i.to_s }
(2**64).times { |i| s << i.to_s; break if i == 2 } rescue nil
p s
t = []
"héllo".each_char { |c| t << c * 2 }
"ab".each_byte { |b| t << b.to_s }
"a\nb\nc".each_line { |l| t << l.upcase }
"a\nb".each_line(chomp: true) { |l| t << l * 3 }
"e\u0301x".each_grapheme_cluster { |g| t << g }
"ab".each_codepoint { |c| t << c }
"a".upto("e") { |x| t << x }
"08".upto("11") { |x| t << x }
"az".upto("bc") { |x| t << x }
p t
u = []
[1, 2].cycle(2) { |x| u << x.to_s }
(1..2).cycle(2) { |x| u << x * 3 }
[3, 4].reverse_each { |x| u << x.to_s }
(1..3).reverse_each { |x| u << x.to_s * 2 }
(1.0..3.0).each rescue u << $!.class.to_s
("a".."e").each { |x| u << x * 2 }
("9".."11").each { |x| u << x }
("y"..).each { |x| u << x; break if x == "ab" }
(2**64..2**64 + 2).each { |x| u << (x - 2**64).to_s }
(2**64...).each { |x| u << (x % 7).to_s; break if x > 2**64 + 2 }
(:a..:d).each { |x| u << x }
(1..2.5).each { |x| u << x.to_s }
[1, 2, 3, 4, 5].each_slice(2) { |a| u << a.inspect }
[1, 2, 3].each_cons(2) { |a| u << a.inspect }
p u
v = []
[1, 2, 3].combination(2) { |c| v << c.inspect }
[1, 2, 3].permutation(2) { |c| v << c.join }
[1, 2].repeated_combination(2) { |c| v << c.join("-") }
[1, 2].repeated_permutation(2) { |c| v << c.join("+") }
[1, 2].product([3, 4]) { |c| v << c.inspect }
[1, 2].zip([3, 4], [5, 6]) { |c| v << c.inspect }
p v
p "a-b-c".gsub(/-/) { |m| "[#{m * 2}]" }, $~ && $~[0]
p "hello world".gsub(/o/) { $~.begin(0).to_s }
p "abc".gsub(/(b)/) { $1.upcase * 3 }
w = []
"a1b22c333".scan(/\d+/) { |m| w << m.to_i * 2 }
"k=v;x=y".scan(/(\w)=(\w)/) { |a, b| w << b + a }
p w, $~[0]
p (1..6).each_slice(2).map(&:sum), (1..4).each_cons(3).to_a
p (1..Float::INFINITY).lazy.map { |x| x * 2 }.select { |x| x % 3 == 0 }.first(3)
# expect: ["o1", "o2", "o3"]
# expect: {1=>"1", 2=>"2"}
# expect: [["11", "22", "33"], ["44", "55", "66"], ["77"], "3", "5", "7", "9", "e1", "e2", "e3"]
# expect: ["a=1", "b=2", "aa", "bb", "10", "20", "a10", "b21"]
# expect: ["1", "4", "7", "10", "1.0", "1.5", "2.0", "1/1", "3/2", "2/1", "1", "9223372036854775809", "18446744073709551617", "18446744073709551616", "18446744073709551617", "18446744073709551618", "1.0", "1.25", "1.5", "1.75", "2.0", "a1", "a5", "a9", "18446744073709551616", "18446744073709551617", "18446744073709551617", "18446744073709551616", "0", "1", "2"]
# expect: ["hh", "éé", "ll", "ll", "oo", "97", "98", "A\n", "B\n", "C", "aaa", "bbb", "é", "x", 97, 98, "a", "b", "c", "d", "e", "08", "09", "10", "11", "az", "ba", "bb", "bc"]
# expect: ["1", "2", "1", "2", 3, 6, 3, 6, "4", "3", "33", "22", "11", "aa", "bb", "cc", "dd", "ee", "9", "10", "11", "y", "z", "aa", "ab", "0", "1", "2", "2", "3", "4", "5", :a, :b, :c, :d, "1", "2", "[1, 2]", "[3, 4]", "[5]", "[1, 2]", "[2, 3]"]
# expect: ["[1, 2]", "[1, 3]", "[2, 3]", "12", "13", "21", "23", "31", "32", "1-1", "1-2", "2-2", "1+1", "1+2", "2+1", "2+2", "[1, 3]", "[1, 4]", "[2, 3]", "[2, 4]", "[1, 3, 5]", "[2, 4, 6]"]
# expect: "a[--]b[--]c"
# expect: "-"
# expect: "hell4 w7rld"
# expect: "aBBBc"
# expect: [2, 44, 666, "vk", "yx"]
# expect: "x=y"
# expect: [3, 7, 11]
# expect: [[1, 2, 3], [2, 3, 4]]
# expect: [6, 12, 18]
