# tr, tr_s, delete, squeeze, count with ranges, negation and escapes
p "hello".tr("el", "ip"), "hello".tr("a-y", "b-z"), "hello".tr("^l", "*"), "hello".tr("lo", ""), "hello".tr("ll", "xy")
p "hel-lo".tr("a\\-z", "+"), "hello^".tr("\\^l", "x"), "hello".tr("^", "x"), "hello".tr("a-", "1"), "h-llo".tr("-", "1")
p "hello".tr("elo", "1"), "héllo".tr("é", "e"), "hello".tr("a-z", "A-Z"), "abc".tr("a-c", "x-z")
p "aabbcc".tr_s("ab", "x"), "aabbccdd".tr_s("a-c", "*")
p "aabbccdd".squeeze, "aabbccdd".squeeze("a-b"), "mississippi".squeeze("sp")
p "hello world".delete("l"), "hello world".delete("l", "lo"), "hello".delete("^l"), "hello".delete("a-k")
p "hello world".count("lo"), "hello world".count("lo", "o"), "hello".count("^l"), "hello".count("a-z", "^l")
s = +"hello"
p s.tr!("x", "y"), s.tr!("l", "L"), s, s.delete!("z"), s.delete!("L"), s, s.squeeze!, (+"aa").squeeze!
begin
  "hello".tr("z-a", "x")
rescue ArgumentError => e
  p e.message
end
begin
  "hello".count
rescue ArgumentError => e
  p e.message
end
# expect: "hippo"
# expect: "ifmmp"
# expect: "**ll*"
# expect: "he"
# expect: "heyyo"
# expect: "hel+lo"
# expect: "hexxox"
# expect: "hello"
# expect: "hello"
# expect: "h1llo"
# expect: "h1111"
# expect: "hello"
# expect: "HELLO"
# expect: "xyz"
# expect: "xcc"
# expect: "*dd"
# expect: "abcd"
# expect: "abccdd"
# expect: "misisipi"
# expect: "heo word"
# expect: "heo word"
# expect: "ll"
# expect: "llo"
# expect: 5
# expect: 2
# expect: 3
# expect: 3
# expect: nil
# expect: "heo"
# expect: "heo"
# expect: nil
# expect: "heo"
# expect: "heo"
# expect: nil
# expect: "a"
# expect: "invalid range \"z-a\" in string transliteration"
# expect: "wrong number of arguments (given 0, expected 1+)"
