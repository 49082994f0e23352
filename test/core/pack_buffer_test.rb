# Array#pack(buffer:) and String#unpack1 of missing values against CRuby 3.1 (array_ops.c, string_pack.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# pack(buffer:) packs onto the end of the buffer
t { [1].pack("Q", buffer: +"ab") }  # expect: "ab\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
t { [1, 2].pack("C*", buffer: "x".b) }  # expect: "x\x01\x02"
t { [65].pack("U", buffer: "x".b).encoding }  # expect: #<Encoding:UTF-8>
t { [1].pack("@3C", buffer: +"ab") }  # expect: "ab\u0000\u0001"
t { [1].pack("@1C", buffer: +"abc") }  # expect: "a\u0001"
t { [1].pack("X3C", buffer: +"ab") }  # expect: ArgumentError: X outside of string
t { [1].pack("C", buffer: 1) }  # expect: TypeError: buffer must be String, not Integer
t { [1].pack("C", buffer: "a".freeze) }  # expect: FrozenError: can't modify frozen String: "a"
t { [1].pack("C", buffer: nil) }  # expect: "\x01"
t { [1].pack("C", bogus: 1) }  # expect: ArgumentError: unknown keyword: :bogus
t { [1].pack }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1)
# unpack1 skips what is missing instead of answering nil for it
t { "".b.unpack1("Ca2") }  # expect: ""
t { "".b.unpack1("eC") }  # expect: nil
t { "a".unpack1("sa") }  # expect: "a"
t { "".unpack("Ca") }  # expect: [nil, ""]
