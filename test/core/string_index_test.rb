# String indexing and slicing: [], []=, slice!, byteslice, index, rindex
s = "hello world"
p s[0], s[-1], s[11], s[20], s[0, 5], s[6..], s[6..-1], s[-5, 3], s[2...4], s[11, 2], s[12, 2], s[3, -1]
p s["wor"], s["xyz"], s[/o\s*w/], s[/(l+)o/, 1], s[/(?<v>[aeiou])/, "v"], s[/(?<v>[aeiou])/, :v], s[1..nil], s[nil..3]
p "héllo"[1], "héllo"[1, 3], "héllo"[-1], "日本語"[1..], "日本語"[3], "日本語"[3, 1]
p s.slice(0, 3), s.slice(4..6)
t = +"hello"
t[0] = "J"
p t
t[-1] = "y!"
p t
t[1, 3] = "ipp"
p t
t[1..2] = ""
p t
t["y"] = "Y"
p t
t[/(\w)!/, 1] = "Q"
p t
u = +"héllo"
u[1] = "e"
p u
def err
  yield
rescue => e
  p [e.class, e.message]
end
err { (+"abc")[5] = "x" }
err { (+"abc")[-5] = "x" }
err { (+"abc")[1, -1] = "x" }
err { (+"abc")[5..6] = "x" }
err { (+"abc")[/z/] = "x" }
err { (+"abc")["z"] = "x" }
err { (+"abc")[/(b)/, 2] = "x" }
err { "abc"[/(?<n>b)/, "m"] }
v = +"hello world"
p v.slice!(0), v, v.slice!(0, 4), v, v.slice!(/w\w/), v, v.slice!("ld"), v, v.slice!(9), v
w = +"abcdef"
p w.slice!(1..2), w, w.slice!(10..), w
p "hello".byteslice(1), "hello".byteslice(1, 3), "hello".byteslice(1..2), "héllo".byteslice(1, 2), "abc".byteslice(5)
p "hello".index("l"), "hello".index("l", 3), "hello".index("z"), "hello".index(/l+/), "hello".index("", 5), "hello".index("", 6), "hello".index("o", -1)
p "hello".rindex("l"), "hello".rindex("l", 2), "hello".rindex(/[aeiou]/), "hello".rindex(""), "héllo".index("l"), "héllo".rindex("é")
p "hello".include?("ell"), "hello".include?("z")
p "hello".start_with?("he"), "hello".start_with?("x", "h"), "hello".start_with?(/h.l/), "hello".end_with?("lo"), "hello".end_with?("x")
p "hello".delete_prefix("he"), "hello".delete_suffix("lo"), "hello".delete_prefix("x")
p "abc".getbyte(0), "abc".getbyte(-1), "abc".getbyte(3)
z = +"abc"
z.setbyte(0, 65)
p z
err { "abc".start_with?(1) }
err { "abc".index(1) }
err { "abc" =~ "a" }
p "abc" =~ /b/, "abc" !~ /z/, "héllo" =~ /l/
# expect: "h"
# expect: "d"
# expect: nil
# expect: nil
# expect: "hello"
# expect: "world"
# expect: "world"
# expect: "wor"
# expect: "ll"
# expect: ""
# expect: nil
# expect: nil
# expect: "wor"
# expect: nil
# expect: "o w"
# expect: "ll"
# expect: "e"
# expect: "e"
# expect: "ello world"
# expect: "hell"
# expect: "é"
# expect: "éll"
# expect: "o"
# expect: "本語"
# expect: nil
# expect: ""
# expect: "hel"
# expect: "o w"
# expect: "Jello"
# expect: "Jelly!"
# expect: "Jippy!"
# expect: "Jpy!"
# expect: "JpY!"
# expect: "JpQ!"
# expect: "hello"
# expect: [IndexError, "index 5 out of string"]
# expect: [IndexError, "index -5 out of string"]
# expect: [IndexError, "negative length -1"]
# expect: [RangeError, "5..6 out of range"]
# expect: [IndexError, "regexp not matched"]
# expect: [IndexError, "string not matched"]
# expect: [IndexError, "index 2 out of regexp"]
# expect: [IndexError, "undefined group name reference: m"]
# expect: "h"
# expect: " r"
# expect: "ello"
# expect: " r"
# expect: "wo"
# expect: " r"
# expect: "ld"
# expect: " r"
# expect: nil
# expect: " r"
# expect: "bc"
# expect: "adef"
# expect: nil
# expect: "adef"
# expect: "e"
# expect: "ell"
# expect: "el"
# expect: "é"
# expect: nil
# expect: 2
# expect: 3
# expect: nil
# expect: 2
# expect: 5
# expect: nil
# expect: 4
# expect: 3
# expect: 2
# expect: 4
# expect: 5
# expect: 2
# expect: 1
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: "llo"
# expect: "hel"
# expect: "hello"
# expect: 97
# expect: 99
# expect: nil
# expect: "Abc"
# expect: [TypeError, "no implicit conversion of Integer into String"]
# expect: [TypeError, "no implicit conversion of Integer into String"]
# expect: [TypeError, "type mismatch: String given"]
# expect: 1
# expect: true
# expect: 2
