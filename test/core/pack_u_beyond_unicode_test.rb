# pack("U") past U+10FFFF writes the original UTF-8's 4- to 6-byte forms,
# up to 31 bits, as CRuby does; past that, RangeError
[0x110000, 0x1fffff, 0x200000, 0x3ffffff, 0x4000000, 0x7fffffff].each do |cp|
  s = [cp].pack("U")
  p [s.bytes.map { |b| b.to_s(16) }, s.encoding, s.valid_encoding?]
end
# expect: [["f4", "90", "80", "80"], #<Encoding:UTF-8>, false]
# expect: [["f7", "bf", "bf", "bf"], #<Encoding:UTF-8>, false]
# expect: [["f8", "88", "80", "80", "80"], #<Encoding:UTF-8>, false]
# expect: [["fb", "bf", "bf", "bf", "bf"], #<Encoding:UTF-8>, false]
# expect: [["fc", "84", "80", "80", "80", "80"], #<Encoding:UTF-8>, false]
# expect: [["fd", "bf", "bf", "bf", "bf", "bf"], #<Encoding:UTF-8>, false]
begin
  [0x80000000].pack("U")
rescue RangeError => e
  puts e.message   # expect: pack(U): value out of range
end
