# StringScanner (src/ext/strscan.c): scan family, matches and groups, pointer, inspect
require "strscan"
s = StringScanner.new("3.14 is pi, e is 2.71")
p s.scan(/\d+/), s.pos, s.scan(/\./), s.scan(/\d+/)
p s.scan(/x/), s.matched?, s.matched
p s.scan_until(/pi/), s.pre_match, s.post_match, s.matched
p s.skip(/,\s*/), s.check(/\w/), s.pos
p s.skip_until(/is /), s.rest, s.rest_size
p s.match?(/\d/), s.getch, s.peek(3), s.eos?
s.unscan
p s.pos
s.terminate
p s.eos?, s.rest, s.scan(/./)
begin
  s.unscan
rescue StringScanner::Error => e
  p e.class, e.message
end
t = StringScanner.new("key: value")
p t.scan(/(?<k>\w+): (?<v>\w+)/), t[0], t[1], t[:k], t["v"], t.captures, t.size
p t.values_at(0, 2)
begin
  t[:nope]
rescue IndexError => e
  p e.message
end
u = StringScanner.new("abc")
p u.inspect
u.scan(/a/)
p u.inspect, u.pos = 1, u.getch, u.charpos
u.reset
p u.scan("ab"), u.pos, u.beginning_of_line?
u.string = "new"
p u.pos, u.scan(/n/), u.string
v = StringScanner.new("línea")
p v.getch, v.getch, v.pos, v.charpos, v.get_byte
w = StringScanner.new("test string here")
w.scan(/test /)
p w.inspect, w.exist?(/here/), w.check_until(/string/), w.search_full(/ing/, false, true)
p StringScanner.new("").inspect, StringScanner.new("ab").scan(/^b/)
x = StringScanner.new("a\nb")
x.scan(/a\n/)
p x.scan(/^b/), x.bol?

# expect: "3"
# expect: 1
# expect: "."
# expect: "14"
# expect: nil
# expect: false
# expect: nil
# expect: " is pi"
# expect: "3.14 is "
# expect: ", e is 2.71"
# expect: "pi"
# expect: 2
# expect: "e"
# expect: 12
# expect: 5
# expect: "2.71"
# expect: 4
# expect: 1
# expect: "2"
# expect: ".71"
# expect: false
# expect: 17
# expect: true
# expect: ""
# expect: nil
# expect: StringScanner::Error
# expect: "unscan failed: previous match record not exist"
# expect: "key: value"
# expect: "key: value"
# expect: "key"
# expect: "key"
# expect: "value"
# expect: ["key", "value"]
# expect: 3
# expect: ["key: value", "value"]
# expect: "undefined group name reference: nope"
# expect: "#<StringScanner 0/3 @ \"abc\">"
# expect: "#<StringScanner 1/3 \"a\" @ \"bc\">"
# expect: 1
# expect: "b"
# expect: 2
# expect: "ab"
# expect: 2
# expect: false
# expect: 0
# expect: "n"
# expect: "new"
# expect: "l"
# expect: "í"
# expect: 3
# expect: 2
# expect: "n"
# expect: "#<StringScanner 5/16 \"test \" @ \"strin...\">"
# expect: 11
# expect: "string"
# expect: "string"
# expect: "#<StringScanner fin>"
# expect: nil
# expect: "b"
# expect: false
