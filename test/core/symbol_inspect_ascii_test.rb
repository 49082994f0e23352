# Symbol#inspect of an ASCII name with control characters escapes them as a
# US-ASCII String does (\x00), one with other characters as UTF-8 (\u0001)
p :"x\0y", :"a b", :"\e", :"é\1", :"\x7f", :"tab\t", :"q\"", :"", :"日本 x", :"\u3042\0"
# expect: :"x\x00y"
# expect: :"a b"
# expect: :"\e"
# expect: :"é\u0001"
# expect: :"\x7F"
# expect: :"tab\t"
# expect: :"q\""
# expect: :""
# expect: :"日本 x"
# expect: :"あ\u0000"
