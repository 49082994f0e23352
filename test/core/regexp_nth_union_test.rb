# MatchData#[], #values_at and $~[n] with a negative n that reaches the whole
# match give nil; Regexp.union of pieces fixed to different encodings raises
# ArgumentError; an interval {n,m} with n > m is a RegexpError; MatchData has
# no allocate and cannot be dumped (CRuby 3.1)
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.split("\n").first}"; end
m = /a/.match('ba')
t { [m[-1], m.values_at(0, -1), m[-1, 1], m.to_a[-1]] }
m = /(a)(b)?/.match('xa')
t { [m[-1], m[-2], m[-3], m.values_at(-1, -2, -3, 5, 1)] }
t { 'ab' =~ /(b)/; [$~[-1], $~[-2], Regexp.last_match(-1), Regexp.last_match(-2)] }
t { m[2**40] }
t { m.values_at(2**40) }
t { Regexp.union('é'.encode('ISO-8859-1'), 'é') }
t { Regexp.union(/é/, 'é'.encode('ISO-8859-1')) }
t { Regexp.union('é'.encode('ISO-8859-1'), 'a').encoding }
t { Regexp.union('é', /a/, 'ü') }
t { Regexp.new('a{2,1}') }
t { Regexp.new('a{3,2}b') }
t { [Regexp.new('[a{3,2}]'), Regexp.new('a\{3,2}'), Regexp.new('a(?#{3,2})'), Regexp.new("a # {3,2}\n", Regexp::EXTENDED)] }
t { ['aaa'[/a{1,2}/], 'aaa'[/a{,2}/], 'aaa'[/a{2,}/], 'a{3,2}'[/\{3,2}/]] }
t { MatchData.allocate }
t { Marshal.dump(/a/.match('a')) }
t { /(a)/.match('xa').dup.pre_match }
# expect: [nil, ["a", nil], ["a"], "a"]
# expect: [nil, "a", nil, [nil, "a", nil, nil, "a"]]
# expect: ["b", nil, "b", nil]
# expect: RangeError: integer 1099511627776 too big to convert to `int'
# expect: RangeError: integer 1099511627776 too big to convert to `int'
# expect: ArgumentError: incompatible encodings: ISO-8859-1 and UTF-8
# expect: ArgumentError: incompatible encodings: UTF-8 and ISO-8859-1
# expect: #<Encoding:ISO-8859-1>
# expect: /é|(?-mix:a)|ü/
# expect: RegexpError: upper is smaller than lower in repeat range: /a{2,1}/
# expect: RegexpError: upper is smaller than lower in repeat range: /a{3,2}b/
# expect: [/[a{3,2}]/, /a\{3,2}/, /a(?#{3,2})/, /a # {3,2}
# expect: /x]
# expect: ["aa", "aa", "aaa", "{3,2}"]
# expect: NoMethodError: undefined method `allocate' for MatchData:Class
# expect: TypeError: can't dump MatchData
# expect: "x"
