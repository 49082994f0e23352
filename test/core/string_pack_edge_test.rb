# pack and unpack directives against CRuby 3.1: float conversion, bit and hex strings, base64, BER and UTF-8 reading (string_pack.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# float directives convert as Float(): "can't convert X into Float"
t { ['abc'].pack("e") }  # expect: TypeError: can't convert String into Float
t { [nil].pack("G") }  # expect: TypeError: can't convert nil into Float
t { [2r].pack("e") }  # expect: "\x00\x00\x00@"
# B b H h: nil packs as "", a count past the string's end adds CRuby's NUL bytes
t { ['abc', 'de'].pack("B8") }  # expect: "\xA0\x00\x00\x00"
t { ['1'].pack("B8") }  # expect: "\x80\x00\x00\x00\x00"
t { ['abc'].pack("b5") }  # expect: "\x05\x00"
t { ['abc'].pack("H5") }  # expect: "\xAB\xC0\x00"
t { [nil].pack("B") }  # expect: "\x00"
t { [nil].pack("H4") }  # expect: "\x00\x00"
t { [nil].pack("h") }  # expect: "\x00"
# m0 is strict RFC 4648; m stops at a = in a group's third or fourth place
t { "YWJj".unpack("m0") }  # expect: ["abc"]
t { "YWI=".unpack("m0") }  # expect: ["ab"]
t { "YWI".unpack("m0") }  # expect: ArgumentError: invalid base64
t { "YR==".unpack("m0") }  # expect: ArgumentError: invalid base64
t { "YWJj\n".unpack("m0") }  # expect: ArgumentError: invalid base64
t { "-_-_".unpack("m0") }  # expect: ArgumentError: invalid base64
t { "=41=42\n".unpack("m") }  # expect: ["\xE3"]
t { "YW=j".unpack("m") }  # expect: ["a"]
t { "-_-_".unpack("m") }  # expect: [""]
# w drops a number cut short; U reads the original UTF-8 forms
t { "\xff\xfe\x00\x80".b.unpack("w*") }  # expect: [2096896]
t { "\x01\x81".b.unpack("w2") }  # expect: [1]
t { "\xe3\x81".unpack("U*") }  # expect: ArgumentError: malformed UTF-8 character (expected 3 bytes, given 2 bytes)
t { "\xc0\x80".unpack("U") }  # expect: ArgumentError: redundant UTF-8 sequence
t { "\xed\xa0\x80".unpack("U") }  # expect: [55296]
t { "\xf8\x88\x80\x80\x80".unpack("U") }  # expect: [2097152]
t { "\xe3\x81\x41".unpack("U") }  # expect: ArgumentError: malformed UTF-8 character
