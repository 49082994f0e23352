# MatchData: [], to_a, captures, named_captures, names, begin/end/offset, pre/post_match, inspect
m = /(?<first>\w+) (?<last>\w+)/.match("John Smith Jr")
p m, m[0], m[1], m[:first], m["last"], m[-1], m[5], m.to_a, m.captures, m.named_captures, m.names, m.size, m.length
p m.begin(0), m.end(0), m.begin(:last), m.offset(2), m.pre_match, m.post_match, m.to_s, m.string, m.regexp
p m.values_at(1, 2), m[1..2], m[0, 2]
m2 = /(a)(b)?/.match("xac")
p m2, m2[2], m2.begin(2), m2.captures, m2.to_a
m3 = "héllo wörld".match(/w(ö)r/)
p m3.begin(0), m3.end(1), m3.offset(1), m3.pre_match
p /(?<x>a)(?<y>b)?/.match("ac").inspect, /b/.match("abc").inspect
def err
  yield
rescue => e
  p [e.class, e.message]
end
err { m[:nope] }
err { m.begin(9) }
if "2024-01-15" =~ /(\d+)-(\d+)-(\d+)/
  p $~.to_a, $1, $2, $3, $4, $&, $~.pre_match
end
"abc" =~ /z/
p $~, $1
p "a1b2".match(/\d/) { |md| md[0] * 3 }
md = "foo123".match(/(?<letters>[a-z]+)(?<digits>\d+)/)
p md[:letters], md[:digits], md == "foo123".match(/(?<letters>[a-z]+)(?<digits>\d+)/)
# expect: #<MatchData "John Smith" first:"John" last:"Smith">
# expect: "John Smith"
# expect: "John"
# expect: "John"
# expect: "Smith"
# expect: "Smith"
# expect: nil
# expect: ["John Smith", "John", "Smith"]
# expect: ["John", "Smith"]
# expect: {"first"=>"John", "last"=>"Smith"}
# expect: ["first", "last"]
# expect: 3
# expect: 3
# expect: 0
# expect: 10
# expect: 5
# expect: [5, 10]
# expect: ""
# expect: " Jr"
# expect: "John Smith"
# expect: "John Smith Jr"
# expect: /(?<first>\w+) (?<last>\w+)/
# expect: ["John", "Smith"]
# expect: ["John", "Smith"]
# expect: ["John Smith", "John"]
# expect: #<MatchData "a" 1:"a" 2:nil>
# expect: nil
# expect: nil
# expect: ["a", nil]
# expect: ["a", "a", nil]
# expect: 6
# expect: 8
# expect: [7, 8]
# expect: "héllo "
# expect: "#<MatchData \"a\" x:\"a\" y:nil>"
# expect: "#<MatchData \"b\">"
# expect: [IndexError, "undefined group name reference: nope"]
# expect: [IndexError, "index 9 out of matches"]
# expect: ["2024-01-15", "2024", "01", "15"]
# expect: "2024"
# expect: "01"
# expect: "15"
# expect: nil
# expect: "2024-01-15"
# expect: ""
# expect: nil
# expect: nil
# expect: "111"
# expect: "foo"
# expect: "123"
# expect: true
