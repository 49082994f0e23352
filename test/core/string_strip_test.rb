# String whitespace and padding: strip family, chomp, chop, justification
p "  hi  ".strip, "  hi  ".lstrip, "  hi  ".rstrip, "\t\n hi \r\n\0".strip, "hi".strip, "\0 hi".strip
s = +"  x  "
p s.strip!, s, s.strip!, (+"x ").lstrip!, (+" x").rstrip!
p "hello\n".chomp, "hello\r\n".chomp, "hello\r".chomp, "hello".chomp, "hello\n\n".chomp, "hello".chomp("llo"), "hello\n\n".chomp(""), "hello\r\n\r\n".chomp(""), "a\n".chomp(nil)
t = +"abc\n"
p t.chomp!, t, t.chomp!
p "hello".chop, "hello\r\n".chop, "x".chop, "".chop, "héé".chop
c = +"ab"
p c.chop!, c, (+"").chop!
p "ab".center(6), "ab".center(7, "*"), "ab".ljust(5, "12"), "ab".rjust(5, "12"), "ab".center(1), "héllo".center(9, "é")
p "abc".chr, "".chr, "héllo".chr
begin
  "x".center(5, "")
rescue ArgumentError => e
  p e.message
end
p "aaabbbccc".squeeze, "aaabbb   ccc".squeeze(" "), "hello"
# expect: "hi"
# expect: "hi  "
# expect: "  hi"
# expect: "hi"
# expect: "hi"
# expect: "hi"
# expect: "x"
# expect: "x"
# expect: nil
# expect: nil
# expect: nil
# expect: "hello"
# expect: "hello"
# expect: "hello"
# expect: "hello"
# expect: "hello\n"
# expect: "he"
# expect: "hello"
# expect: "hello"
# expect: "a\n"
# expect: "abc"
# expect: "abc"
# expect: nil
# expect: "hell"
# expect: "hello"
# expect: ""
# expect: ""
# expect: "hé"
# expect: "a"
# expect: "a"
# expect: nil
# expect: "  ab  "
# expect: "**ab***"
# expect: "ab121"
# expect: "121ab"
# expect: "ab"
# expect: "ééhélloéé"
# expect: "a"
# expect: ""
# expect: "h"
# expect: "zero width padding"
# expect: "abc"
# expect: "aaabbb ccc"
# expect: "hello"
