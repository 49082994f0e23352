# String basics: creation, concatenation, comparison, hashing, frozen errors
s = "hello"
p s, s.length, s.size, s.bytesize, s.empty?, "".empty?
p String.new, String.new("abc"), String.new.encoding, String.new("x").encoding
p String.new("abc", capacity: 100), String.new(encoding: "UTF-8").encoding
p "ab" + "cd", "ab" * 3, "ab" * 0, "" * 5
a = +"foo"
a << "bar" << 33
p a
a.concat("x", "y")
p a
b = +"ab"
b.concat(b, b)
p b
p "abc".prepend("1", "2")
p "a" == "a", "a" == "b", "a".eql?("a"), "a".equal?("a"), "a" == :a
p "a" <=> "b", "b" <=> "a", "a" <=> "a", "a" <=> "ab", "abc" <=> 1
p "a".hash == "a".hash, "a".hash == "b".hash, "abc".dup.hash == "abc".hash
h = {"k" => 1}
p h["k"], h["k".dup]
p "abc".casecmp("ABC"), "abc".casecmp("abd"), "abc".casecmp?("ABC"), "äbc".casecmp?("ÄBC"), "a".casecmp(1)
def err
  yield
rescue => e
  p [e.class, e.message]
end
err { "ab" * -1 }
err { "ab" + 1 }
err { "ab" + nil }
err { "ab" << nil }
err { "abc".freeze << "d" }
err { "abc".freeze.upcase! }
err { :sym.to_s.frozen? ? 1 : "x".freeze.clear }
f = "lit".freeze
p f.frozen?, f.dup.frozen?, (+f).frozen?, (-"x").frozen?, (-"abc").equal?(-"abc")
u = +"x"
p (+u).equal?(u), u.frozen?
p "abc".freeze.equal?("abc".freeze) || true
p "ab".between?("aa", "ac"), "z".between?("a", "c")
p "%s-%d" % ["a", 1], "%05.1f" % 3.14159, "%s" % "x"
p "abc".to_s, "abc".to_str, "abc".itself
class MyStr < String; end
m = MyStr.new("hi")
p m, m.class, m.to_s.class, (m + "x").class, m.dup.class, (m * 2).class
x = "a"
y = x
y << "b"
p x
p "abc".replace("xyz"), "abc".clear
p "héllo".length, "héllo".bytesize, "日本語".size, "日本語".reverse
p "abc".reverse, "abc".insert(1, "X"), "abc".insert(-1, "Z"), "abc".insert(-2, "Y")
p "a\u3042".sum, "abc".sum(8)
# expect: "hello"
# expect: 5
# expect: 5
# expect: 5
# expect: false
# expect: true
# expect: ""
# expect: "abc"
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: "abc"
# expect: #<Encoding:UTF-8>
# expect: "abcd"
# expect: "ababab"
# expect: ""
# expect: ""
# expect: "foobar!"
# expect: "foobar!xy"
# expect: "ababab"
# expect: "12abc"
# expect: true
# expect: false
# expect: true
# expect: false
# expect: false
# expect: -1
# expect: 1
# expect: 0
# expect: -1
# expect: nil
# expect: true
# expect: false
# expect: true
# expect: 1
# expect: 1
# expect: 0
# expect: -1
# expect: true
# expect: true
# expect: nil
# expect: [ArgumentError, "negative argument"]
# expect: [TypeError, "no implicit conversion of Integer into String"]
# expect: [TypeError, "no implicit conversion of nil into String"]
# expect: [TypeError, "no implicit conversion of nil into String"]
# expect: [FrozenError, "can't modify frozen String: \"abc\""]
# expect: [FrozenError, "can't modify frozen String: \"abc\""]
# expect: [FrozenError, "can't modify frozen String: \"x\""]
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: "a-1"
# expect: "003.1"
# expect: "x"
# expect: "abc"
# expect: "abc"
# expect: "abc"
# expect: "hi"
# expect: MyStr
# expect: String
# expect: String
# expect: MyStr
# expect: String
# expect: "ab"
# expect: "xyz"
# expect: ""
# expect: 5
# expect: 6
# expect: 3
# expect: "語本日"
# expect: "cba"
# expect: "aXbc"
# expect: "abcZ"
# expect: "abYc"
# expect: 583
# expect: 38
