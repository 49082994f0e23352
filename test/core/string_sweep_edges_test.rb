# String edge cases a CRuby-diff sweep found (tools/core_diff/strm.rb): each_line(nil) of '' is one
# empty line, a broken needle is never found by index/rindex/include?/partition,
# scrub! leaves a valid frozen string alone, the order of setbyte's and slice!'s
# checks, to_sym of a broken string, undump's non-ASCII and NUL checks.
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
t { ''.each_line(nil).to_a }
t { ''.each_line.to_a }
t { ''.lines(nil) }
t { "a\xff".index("\xff") }
t { "a\xffb".index("b") }
t { "a\xff".rindex("\xff") }
t { "abc".freeze.scrub! }
t { "ab\xff".freeze.scrub! }
t { "abc".freeze[5] = "x" }
t { "abc".freeze[1] = "x" }
t { "abc".freeze.slice!(9) }
t { "abc".freeze.setbyte(9, 1) }
t { "a\xff".to_sym }
t { "\"\u3042\"".undump }
t { "é".undump }
t { "a\xff".include?("\xff") }
t { "a\xff".partition("\xff") }
t { "a\xff".rpartition("\xff") }
t { s = "abc"; s.setbyte(0, 2**70 + 65); s.setbyte(1, -2**70 - 1); s.setbyte(2, -1); s }
t { "abc".freeze.setbyte(0, "x") }
t { "\"\xff\"".undump }
t { "\"a\0\"".undump }
t { "a\xff".b.to_sym }
t { "a\xff".intern }
t { x = []; "".each_line(nil, chomp: true) { |l| x << l }; x }
# expect: [""]
# expect: []
# expect: [""]
# expect: nil
# expect: 2
# expect: nil
# expect: "abc"
# expect: FrozenError: can't modify frozen String: "ab\xFF"
# expect: IndexError: index 5 out of string
# expect: FrozenError: can't modify frozen String: "abc"
# expect: FrozenError: can't modify frozen String: "abc"
# expect: IndexError: index 9 out of string
# expect: EncodingError: invalid symbol in encoding UTF-8 :"a\xFF"
# expect: RuntimeError: non-ASCII character detected
# expect: RuntimeError: non-ASCII character detected
# expect: false
# expect: ["a\xFF", "", ""]
# expect: ["", "", "a\xFF"]
# expect: "A\xFF\xFF"
# expect: TypeError: no implicit conversion of String into Integer
# expect: RuntimeError: non-ASCII character detected
# expect: RuntimeError: string contains null byte
# expect: :"a\xFF"
# expect: EncodingError: invalid symbol in encoding UTF-8 :"a\xFF"
# expect: [""]
