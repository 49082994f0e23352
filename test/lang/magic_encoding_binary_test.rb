# encoding: ascii-8bit
# A binary source (the magic comment above): its string literals, their
# interpolations and __ENCODING__ are ASCII-8BIT, as in CRuby 3.1
p "\xff".encoding, "abc".encoding, __ENCODING__, "a#{1}b".encoding, 'x'.encoding   # expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
s = "caf\xC3\xA9"
p s.bytesize, s.size, s.valid_encoding?   # expect: 5
# expect: 5
# expect: true
p :sym.encoding, /a/.encoding              # expect: #<Encoding:US-ASCII>
# expect: #<Encoding:US-ASCII>
