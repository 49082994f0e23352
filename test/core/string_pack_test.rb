# String#unpack / unpack1 and Array#pack
p [65, 66].pack("C*"), [1, 2].pack("nN"), [1, 2].pack("vV"), [-1].pack("q"), [2**64 - 1].pack("Q"), [1].pack("s>"), [1].pack("l<"), [300].pack("C")
p [65, 66].pack("U*"), [65, 66].pack("U*").encoding, [1, 2].pack("C*").encoding
p ["abc"].pack("a5"), ["abc"].pack("A5"), ["abc"].pack("Z*"), ["abc"].pack("a"), ["abc", "de"].pack("a*a2")
p ["616263"].pack("H*"), ["1"].pack("H"), ["1010"].pack("B*"), ["1010"].pack("b*")
p [300].pack("w"), ["hello world"].pack("m"), ["hello world"].pack("m0"), [1.5].pack("e"), [1.5].pack("G"), [1.5].pack("d").size
p "abc".unpack("C*"), "abc".unpack("a2"), "ab  \0".unpack("A*"), "ab\0cd".unpack("Z*a*"), "\x01\x02".unpack("n"), "\x01".unpack("n"), "\x01".unpack("C2")
p "abc".unpack("H*"), "abc".unpack("h*"), "abc".unpack("B*"), "a".unpack("b4"), "héllo".unpack("U*"), "aGVsbG8gd29ybGQ=\n".unpack("m"), "aGVsbG8=".unpack1("m")
p "\x82\x2c".unpack("w"), "\xff\xff\xff\xff\xff\xff\xff\xff".unpack("q Q"), "abcd".unpack("x2a"), "abcd".unpack("@1a2"), "abcd".unpack1("a", offset: 2)
p "\x00\x00\xc0\x3f".unpack("e"), "ab".unpack("c*"), "\xff".unpack("c"), "\xff\xff".unpack("s"), "\x01\x00\x00\x00".unpack1("V"), "\x00\x00\x00\x01".unpack1("N")
p [1, 2, 3].pack("s*").unpack("s*"), [2**40].pack("Q>").unpack1("Q>"), ["a", "b"].pack("a2x2a")
begin
  [].pack("C")
rescue ArgumentError => e
  p e.message
end
begin
  ["a"].pack("C")
rescue TypeError => e
  p e.message
end
# expect: "AB"
# expect: "\x00\x01\x00\x00\x00\x02"
# expect: "\x01\x00\x02\x00\x00\x00"
# expect: "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
# expect: "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
# expect: "\x00\x01"
# expect: "\x01\x00\x00\x00"
# expect: ","
# expect: "AB"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: "abc\x00\x00"
# expect: "abc  "
# expect: "abc\x00"
# expect: "a"
# expect: "abcde"
# expect: "abc"
# expect: "\x10"
# expect: "\xA0"
# expect: "\x05"
# expect: "\x82,"
# expect: "aGVsbG8gd29ybGQ=\n"
# expect: "aGVsbG8gd29ybGQ="
# expect: "\x00\x00\xC0?"
# expect: "?\xF8\x00\x00\x00\x00\x00\x00"
# expect: 8
# expect: [97, 98, 99]
# expect: ["ab"]
# expect: ["ab"]
# expect: ["ab", "cd"]
# expect: [258]
# expect: [nil]
# expect: [1, nil]
# expect: ["616263"]
# expect: ["162636"]
# expect: ["011000010110001001100011"]
# expect: ["1000"]
# expect: [104, 233, 108, 108, 111]
# expect: ["hello world"]
# expect: "hello"
# expect: [300]
# expect: [-1, nil]
# expect: ["c"]
# expect: ["bc"]
# expect: "c"
# expect: [1.5]
# expect: [97, 98]
# expect: [-1]
# expect: [-1]
# expect: 1
# expect: 1
# expect: [1, 2, 3]
# expect: 1099511627776
# expect: "a\x00\x00\x00b"
# expect: "too few arguments"
# expect: "no implicit conversion of String into Integer"
