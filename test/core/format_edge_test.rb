# Kernel#format corners found by comparing with CRuby 3.1: precision 0 of zero,
# the octal '#' prefix, exact %f of Integer and Rational, %a's leading 1, %c
# and * conversions, and the TypeError of %d for objects without to_int/to_i
def t(*a)
  p format(*a)
rescue => e
  p [e.class, e.message]
end
t("%.0d", 0); t("%+.0d", 0); t("% .0x", 0); t("%5.0o", 0); t("%.0b", 0); t("%.0d", 3); t("%-3.0i|", 0)
t("%#o", -1); t("%#8o", -42); t("%#.3o", 42); t("%#10.2o", 1); t("%#.0o", 0); t("%#.3o", 0); t("%#.0o", 8); t("%#o", 8)
t("%f", 10**25); t("%.2f", -(10**22)); t("%#.0f", 5); t("%0#8.0f", 5); t("%+#.0f", 10**25); t("%f", 12345678901234567890123)
t("%.0f", 1r/2); t("%.0f", 5r/2); t("%.1f", -1r/4); t("%.2f", -1r/1000); t("%.30f", 1r/3); t("%+08.2f", 1r/3); t("%-9.3f|", -7r/3)
t("%.0a", 1.5); t("%.0a", 3.14159); t("%.1a", 1.99999); t("%#.0a", 255); t("%10.1a", 1.96875); t("%a", 2.0**-1074); t("%.1a", 1e-320)
t("%010a", 1.0); t("%-10a|", -1.0); t("%+.3a", 0.0); t("%.15a", 1.0 / 3); t("%A", 255.5); t("%a", 3)
t("%c", -1); t("%c", -2); t("%c", -3); t("%c", -255); t("%5c", -5); t("%c", Float::INFINITY); t("%c", Float::NAN); t("%c", 1e20); t("%c", 3.9)
t("%*d", "ab", 1); t("%.*f", "2", 1.0); t("%*d", 3.9, 1); t("%*d", nil, 1)
t("%d", :sym); t("%d", true); t("%x", false); t("%d", Object.new)
p((Integer(true) rescue $!.message), (Integer(false) rescue $!.message), (Integer(:a) rescue $!.message))

# expect: ""
# expect: "+"
# expect: " "
# expect: "     "
# expect: ""
# expect: "3"
# expect: "   |"
# expect: "..7"
# expect: "   ..726"
# expect: "052"
# expect: "        01"
# expect: "0"
# expect: "000"
# expect: "010"
# expect: "010"
# expect: "10000000000000000000000000.000000"
# expect: "-10000000000000000000000.00"
# expect: "5"
# expect: "00000005"
# expect: "+10000000000000000000000000"
# expect: "12345678901234567890123.000000"
# expect: "1"
# expect: "3"
# expect: "-0.3"
# expect: "-0.00"
# expect: "0.333333333333333333333333333333"
# expect: "+0000.33"
# expect: "-2.333   |"
# expect: "0x1p+1"
# expect: "0x1p+2"
# expect: "0x1.0p+1"
# expect: "0x1.p+8"
# expect: "  0x1.0p+1"
# expect: "0x1p-1074"
# expect: "0x1.0p-1063"
# expect: "0x00001p+0"
# expect: "-0x1p+0   |"
# expect: "+0x0.000p+0"
# expect: "0x1.555555555555500p-2"
# expect: "0X1.FFP+7"
# expect: "0x1.8p+1"
# expect: "\xFF"
# expect: "\xFE"
# expect: [ArgumentError, "invalid character"]
# expect: [ArgumentError, "invalid character"]
# expect: [ArgumentError, "invalid character"]
# expect: [RangeError, "float Inf out of range of integer"]
# expect: [RangeError, "float NaN out of range of integer"]
# expect: [RangeError, "float 1e+20 out of range of integer"]
# expect: "\u0003"
# expect: [TypeError, "no implicit conversion of String into Integer"]
# expect: [TypeError, "no implicit conversion of String into Integer"]
# expect: "  1"
# expect: [TypeError, "no implicit conversion from nil to integer"]
# expect: [TypeError, "can't convert Symbol into Integer"]
# expect: [TypeError, "can't convert true into Integer"]
# expect: [TypeError, "can't convert false into Integer"]
# expect: [TypeError, "can't convert Object into Integer"]
# expect: "can't convert true into Integer"
# expect: "can't convert false into Integer"
# expect: "can't convert Symbol into Integer"
