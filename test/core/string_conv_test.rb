# String conversions: to_i, to_f, hex, oct, to_sym, ord, chr, to_c-free
p "42".to_i, "  -12abc".to_i, "0x1A".to_i(16), "0b101".to_i(2), "0o17".to_i(8), "z".to_i(36), "1_000".to_i, "1__0".to_i, "_1".to_i, "".to_i, "12345678901234567890".to_i
p "ff".to_i(16), "777".to_i(8), "-101".to_i(2), "+5".to_i
begin
  "1".to_i(1)
rescue ArgumentError => e
  p e.message
end
p "1.5".to_f, "1e5".to_f, ".5".to_f, "1_000.5".to_f, "abc".to_f, "  -3.5e-2x".to_f, "1e".to_f
p "ff".hex, "-0x1A".hex, "zz".hex, "17".oct, "0x1f".oct, "0b11".oct, "-017".oct, "9".oct
p "abc".to_sym, "with space".to_sym, "abc".intern, "".to_sym
p "a".ord, "é".ord, "日".ord
begin
  "".ord
rescue ArgumentError => e
  p e.message
end
p 97.chr, 233.chr(Encoding::UTF_8), "%c" % 0x65e5
# expect: 42
# expect: -12
# expect: 26
# expect: 5
# expect: 15
# expect: 35
# expect: 1000
# expect: 1
# expect: 0
# expect: 0
# expect: 12345678901234567890
# expect: 255
# expect: 511
# expect: -5
# expect: 5
# expect: "invalid radix 1"
# expect: 1.5
# expect: 100000.0
# expect: 0.5
# expect: 1000.5
# expect: 0.0
# expect: -0.035
# expect: 1.0
# expect: 255
# expect: -26
# expect: 0
# expect: 15
# expect: 31
# expect: 3
# expect: -15
# expect: 0
# expect: :abc
# expect: :"with space"
# expect: :abc
# expect: :""
# expect: 97
# expect: 233
# expect: 26085
# expect: "empty string"
# expect: "a"
# expect: "é"
# expect: "日"
