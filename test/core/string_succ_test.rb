# String#succ carry rules and String#upto
p "a".succ, "az".succ, "zz".succ, "a9".succ, "Az".succ, "Zz".succ, "zZ9".succ, "1.9.9".succ, "a.9".succ
p "-9".succ, "a-z".succ, "***".succ, "".succ, "<<koala>>".succ, "1999zzz".succ, "ZZZ9999".succ, "!z!".succ, "z9.".succ
p "A.z".succ, "é".succ, "9".next
s = +"ay"
s.succ!
p s
a = []
"a".upto("e") { |x| a << x }
p a
p "9".upto("11").to_a, "a8".upto("b1").to_a, "aa".upto("ad", true).to_a, "b".upto("a").to_a, "07".upto("10").to_a
p ("a".."e").to_a, ("a"..."c").to_a, ("y".."ab").to_a
# expect: "b"
# expect: "ba"
# expect: "aaa"
# expect: "b0"
# expect: "Ba"
# expect: "AAa"
# expect: "aaA0"
# expect: "2.0.0"
# expect: "a.10"
# expect: "-10"
# expect: "b-a"
# expect: "**+"
# expect: ""
# expect: "<<koalb>>"
# expect: "2000aaa"
# expect: "AAAA0000"
# expect: "!aa!"
# expect: "aa0."
# expect: "B.a"
# expect: "ê"
# expect: "10"
# expect: "az"
# expect: ["a", "b", "c", "d", "e"]
# expect: ["9", "10", "11"]
# expect: ["a8", "a9", "b0", "b1"]
# expect: ["aa", "ab", "ac"]
# expect: []
# expect: ["07", "08", "09", "10"]
# expect: ["a", "b", "c", "d", "e"]
# expect: ["a", "b"]
# expect: []
