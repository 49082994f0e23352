# Kernel#format / sprintf / String#%: every directive, flags, width, precision
def t(*a)
  p format(*a)
rescue => e
  p [e.class, e.message]
end
t("%x", -255); t("%#x", -255); t("%8x", -255); t("%08x", -255); t("%.8x", -255); t("%-8x|", -255); t("%+x", -255); t("% x", -255); t("%o", -8); t("%b", -5)
t("%#b", 5); t("%#o", 8); t("%#X", 255); t("%B", 5); t("%#B", 5); t("%x", -1); t("%x", -16); t("%x", -(2**70)); t("%x", 2**70); t("%d", 2**70)
t("%+d", 2**70); t("%030d", -(2**70)); t("%.3d", 7); t("%5.3d", -7); t("%-5d|", 3); t("% d", 3); t("%+05d", 3); t("%05s", "ab"); t("%-05d|", 3)
t("%d", 3.7); t("%d", -3.7); t("%d", "12"); t("%d", "0x1f"); t("%d", nil); t("%d", "x"); t("%d"); t("%"); t("%y", 1); t("abc%"); t("%5%")
t("%c", 65); t("%c", 233); t("%5c|", 65); t("%s %p", "a", "a"); t("%.2s", "héllo"); t("%5s|", "é"); t("%-5s|", "é")
t("%f", 1.5); t("%e", 12345.678); t("%E", 0.0001); t("%g", 1e10); t("%g", 123.0); t("%G", 1e-10); t("%a", 1.0); t("%10.3f|", -3.14159); t("%-10.2e|", 3.0)
t("%+f", 1.0); t("% f", 1.0); t("%#.0f", 1.0); t("%#g", 1.0); t("%f", 1e20); t("%f", Float::INFINITY); t("%5.1f", -Float::INFINITY); t("%f", Float::NAN); t("%010f", Float::INFINITY)
t("%f", 3); t("%f", 2**70); t("%f", "1.5"); t("%f", nil)
t("%<a>s-%<b>d", a: 1, b: 2); t("%{a}-%{b}", a: 1, b: 2); t("%<a>5.1f", a: 2.25); t("%{a}", {}); t("%<a>s", 1); t("%1$s %2$s %1$s", "x", "y")
t("%*d", 5, 3); t("%-*d|", 5, 3); t("%.*f", 2, 3.14159); t("%1$s %s", 1); t("%s %1$s", 1); t("%3$s", 1)
t("%s", nil); t("%s", :sym); t("%s", [1, 2]); t("%x", 255.9); t("%i", 3); t("%u", -3); t("%08.3f", -3.14159); t("%+.2e", 0.0); t("%s and %s", "a")
t("%.0f", 0.5); t("%.0f", 1.5); t("%.10g", 1.0 / 3); t("%#x", 0); t("%#o", 0); t("%05d", -42); t("%x", 3735928559); t("%X", 3735928559); t("%.3s", "abcdef")
p sprintf("%d items", 3), "%.2f%%" % 12.345, "%-6s|%6s" % ["ab", "cd"], "%s" % nil, "%p %p" % [nil, :a], "%3d|%-3d|" % [1, 2]
# expect: "..f01"
# expect: "0x..f01"
# expect: "   ..f01"
# expect: "..ffff01"
# expect: "..ffff01"
# expect: "..f01   |"
# expect: "-ff"
# expect: "-ff"
# expect: "..70"
# expect: "..1011"
# expect: "0b101"
# expect: "010"
# expect: "0XFF"
# expect: "101"
# expect: "0B101"
# expect: "..f"
# expect: "..f0"
# expect: "..fc00000000000000000"
# expect: "400000000000000000"
# expect: "1180591620717411303424"
# expect: "+1180591620717411303424"
# expect: "-00000001180591620717411303424"
# expect: "007"
# expect: " -007"
# expect: "3    |"
# expect: " 3"
# expect: "+0003"
# expect: "   ab"
# expect: "3    |"
# expect: "3"
# expect: "-3"
# expect: "12"
# expect: "31"
# expect: [TypeError, "can't convert nil into Integer"]
# expect: [ArgumentError, "invalid value for Integer(): \"x\""]
# expect: [ArgumentError, "too few arguments"]
# expect: [ArgumentError, "incomplete format specifier; use %% (double %) instead"]
# expect: [ArgumentError, "malformed format string - %y"]
# expect: [ArgumentError, "incomplete format specifier; use %% (double %) instead"]
# expect: [ArgumentError, "invalid format character - %"]
# expect: "A"
# expect: "é"
# expect: "    A|"
# expect: "a \"a\""
# expect: "hé"
# expect: "    é|"
# expect: "é    |"
# expect: "1.500000"
# expect: "1.234568e+04"
# expect: "1.000000E-04"
# expect: "1e+10"
# expect: "123"
# expect: "1E-10"
# expect: "0x1p+0"
# expect: "    -3.142|"
# expect: "3.00e+00  |"
# expect: "+1.000000"
# expect: " 1.000000"
# expect: "1."
# expect: "1.00000"
# expect: "100000000000000000000.000000"
# expect: "Inf"
# expect: " -Inf"
# expect: "NaN"
# expect: "       Inf"
# expect: "3.000000"
# expect: "1180591620717411303424.000000"
# expect: "1.500000"
# expect: [TypeError, "can't convert nil into Float"]
# expect: "1-2"
# expect: "1-2"
# expect: "  2.2"
# expect: [KeyError, "key{a} not found"]
# expect: [ArgumentError, "one hash required"]
# expect: "x y x"
# expect: "    3"
# expect: "3    |"
# expect: "3.14"
# expect: [ArgumentError, "unnumbered(1) mixed with numbered"]
# expect: [ArgumentError, "numbered(1) after unnumbered(1)"]
# expect: [ArgumentError, "too few arguments"]
# expect: ""
# expect: "sym"
# expect: "[1, 2]"
# expect: "ff"
# expect: "3"
# expect: "-3"
# expect: "-003.142"
# expect: "+0.00e+00"
# expect: [ArgumentError, "too few arguments"]
# expect: "0"
# expect: "2"
# expect: "0.3333333333"
# expect: "0"
# expect: "0"
# expect: "-0042"
# expect: "deadbeef"
# expect: "DEADBEEF"
# expect: "abc"
# expect: "3 items"
# expect: "12.34%"
# expect: "ab    |    cd"
# expect: ""
# expect: "nil :a"
# expect: "  1|2  |"
