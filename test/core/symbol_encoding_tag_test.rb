# A Symbol made from a String keeps the String's encoding when it is not
# ASCII-compatible, or not ASCII-only (rb_str_intern): UTF-16, ISO-8859-1, binary
u = "a".encode("UTF-16LE").to_sym
p u.encoding, u, u.to_s.encoding, u.length, u.size, u == :a, u.to_s == "a".encode("UTF-16LE")
p u.equal?("a".encode("UTF-16LE").to_sym), u.inspect
w = "ab".encode("UTF-32BE").to_sym
p w, w.encoding, w == :ab, w.to_s.bytesize
l = "é".encode("ISO-8859-1").to_sym
p l, l.encoding, l.length, l == :é, l.to_s.encode("UTF-8")
b = "é".b.to_sym
p b, b.encoding, b.length, b == :é, b == "é".b.intern
p "a".b.to_sym.encoding, "a".b.to_sym.equal?(:a), "a".encode("ISO-8859-1").to_sym.equal?(:a)
p :"é".encoding, "é".to_sym.equal?(:é), :a.encoding
p "\xff\xfe".force_encoding("UTF-16LE").to_sym.encoding
begin
  "\xff".to_sym
rescue EncodingError => e
  p e.class, e.message
end
p [u, :a, l].map(&:encoding)
p({u => 1, :a => 2}.size)
# expect: #<Encoding:UTF-16LE>
# expect: :"a"
# expect: #<Encoding:UTF-16LE>
# expect: 1
# expect: 1
# expect: false
# expect: true
# expect: true
# expect: ":\"a\""
# expect: :"ab"
# expect: #<Encoding:UTF-32BE>
# expect: false
# expect: 8
# expect: :"\xE9"
# expect: #<Encoding:ISO-8859-1>
# expect: 1
# expect: false
# expect: "é"
# expect: :"\xC3\xA9"
# expect: #<Encoding:ASCII-8BIT>
# expect: 2
# expect: false
# expect: true
# expect: #<Encoding:US-ASCII>
# expect: true
# expect: true
# expect: #<Encoding:UTF-8>
# expect: true
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:UTF-16LE>
# expect: EncodingError
# expect: "invalid symbol in encoding UTF-8 :\"\\xFF\""
# expect: [#<Encoding:UTF-16LE>, #<Encoding:US-ASCII>, #<Encoding:ISO-8859-1>]
# expect: 2
