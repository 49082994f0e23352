# split (awk, string, regexp with captures, limits) and scan
p "a b  c ".split, " a b  c ".split(" ", 2), "a,b,,c,,".split(","), "a,b,,c,,".split(",", -1), "a,b,,c,,".split(",", 2)
p "abc".split(""), "abc".split(//, 2), "a1b2c".split(/(\d)/), "a1b2c".split(/\d/, -1), "".split(","), ",a".split(","), "a b".split(nil)
p "a  b".split(" ", 2), "a b ".split(" ", -1), " a b  ".split(" ", -1), "a b  ".split(" ", 3), "abc".split("", -1), "a,b".split(",", 1)
p "aXXbXX".split("X", -1), "abc".split(//, -1), "ab".split(/(?=b)/), "a1b".split(/(\d)/, 2), "a1b".split(/(x)?1/)
p "a\nb\n".split(/^/), " a  b ".split(/ /), " a  b ".split(/\s+/), "héllo".split(""), "a-b_c".split(/[-_]/)
out = []
p "aXbXc".split("X") { |x| out << x }
p out
p "abcabc".scan(/b/), "abcabc".scan(/(a)(b)/), "abc".scan(//), "abc".scan("b"), "a1 b22".scan(/[a-z]\d+/)
r = []
"a1b2".scan(/[a-z](\d)/) { |m| r << m << $~[0] }
p r
p "The cat sat".scan(/\w+/).length, "xyz".scan(/q/)
# expect: ["a", "b", "c"]
# expect: ["a", "b  c "]
# expect: ["a", "b", "", "c"]
# expect: ["a", "b", "", "c", "", ""]
# expect: ["a", "b,,c,,"]
# expect: ["a", "b", "c"]
# expect: ["a", "bc"]
# expect: ["a", "1", "b", "2", "c"]
# expect: ["a", "b", "c"]
# expect: []
# expect: ["", "a"]
# expect: ["a", "b"]
# expect: ["a", "b"]
# expect: ["a", "b", ""]
# expect: ["a", "b", ""]
# expect: ["a", "b", ""]
# expect: ["a", "b", "c", ""]
# expect: ["a,b"]
# expect: ["a", "", "b", "", ""]
# expect: ["a", "b", "c", ""]
# expect: ["a", "b"]
# expect: ["a", "1", "b"]
# expect: ["a", "b"]
# expect: ["a\n", "b\n"]
# expect: ["", "a", "", "b"]
# expect: ["", "a", "b"]
# expect: ["h", "é", "l", "l", "o"]
# expect: ["a", "b", "c"]
# expect: "aXbXc"
# expect: ["a", "b", "c"]
# expect: ["b", "b"]
# expect: [["a", "b"], ["a", "b"]]
# expect: ["", "", "", ""]
# expect: ["b"]
# expect: ["a1", "b22"]
# expect: [["1"], "a1", ["2"], "b2"]
# expect: 3
# expect: []
