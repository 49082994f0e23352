# Regexp: literals, new, options, source, to_s, inspect, escape, union, names
r = /a(b)c/i
p r, r.source, r.options, r.to_s, r.inspect, r.casefold?, /x/.casefold?
p /a/.to_s, /a/mix.to_s, /a\/b/.source, %r{a/b}.source, %r{a/b}.inspect, /a/n.options, /é/.options
p Regexp.new("a", "i"), Regexp.new("a", true), Regexp.new("a", Regexp::IGNORECASE | Regexp::MULTILINE), Regexp.new(/x/i), Regexp.new("a/b"), Regexp.new("a/b").source
p Regexp::IGNORECASE, Regexp::EXTENDED, Regexp::MULTILINE
p Regexp.escape("a.b*c\n\t -#"), Regexp.quote("[x]"), Regexp.union("a.", /b/i, "c"), Regexp.union, Regexp.union(["a", "b"]), Regexp.union("x")
p /(?<x>a)(?<y>b)?/.names, /(?<x>a)|(?<x>b)/.named_captures, /a/.names
p /a/ == /a/, /a/ == /a/i, /a/.eql?(/a/), /a/.hash == /a/.hash, /a/.frozen?
p /b/ =~ "abc", /z/ =~ "abc", /b/.match?("abc"), /b/.match?("abc", 2), /b/ === "abc", /b/ === :abc, /b/ === 3
p /x/.match("axbx", 2).begin(0), /x/.match?("axbx", 4), /x/.match("axbx", -1), /x/.match(nil)
p /\A\d+\z/.match?("123"), /\h+/.match("xyz0fa")[0], /(?<=a)b/.match("ab")[0], /(?i)hello/.match?("HELLO"), /a.c/m.match?("a\nc"), /a.c/.match?("a\nc")
x = / a b # comment
  c /x
p x.match?("abc")
p "foo bar" =~ /(?<word>\w+)$/, $~[:word], $1, Regexp.last_match(1), Regexp.last_match(:word)
def err
  yield
rescue => e
  p [e.class, e.message]
end
err { Regexp.new("(") }
err { Regexp.new("[a") }
err { Regexp.new("?") }
err { "\xff" =~ /x/ }
p Regexp.new("a\nb"), /[[:alpha:]]+/.match("abc1")[0], /\p{Alpha}+/.match("héllo!")[0], /\w+/.match("héllo")[0]
p "日本語" =~ /本/, $~.begin(0), $~.end(0), $~.pre_match, $~.post_match
p /(a)|(b)/.match("b").to_a, "ABC".match(/b/i)[0], "hello".match(/l(l)(o)/).captures
p /a+/.match("caaat").to_s, /\bw/ =~ "a w", Regexp.compile("z").source
# expect: /a(b)c/i
# expect: "a(b)c"
# expect: 1
# expect: "(?i-mx:a(b)c)"
# expect: "/a(b)c/i"
# expect: true
# expect: false
# expect: "(?-mix:a)"
# expect: "(?mix:a)"
# expect: "a/b"
# expect: "a/b"
# expect: "/a\\/b/"
# expect: 32
# expect: 16
# expect: /a/i
# expect: /a/i
# expect: /a/mi
# expect: /x/i
# expect: /a\/b/
# expect: "a/b"
# expect: 1
# expect: 2
# expect: 4
# expect: "a\\.b\\*c\\n\\t\\ \\-\\#"
# expect: "\\[x\\]"
# expect: /a\.|(?i-mx:b)|c/
# expect: /(?!)/
# expect: /a|b/
# expect: /x/
# expect: ["x", "y"]
# expect: {"x"=>[1, 2]}
# expect: []
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: 1
# expect: nil
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: 3
# expect: false
# expect: #<MatchData "x">
# expect: nil
# expect: true
# expect: "0fa"
# expect: "b"
# expect: true
# expect: true
# expect: false
# expect: true
# expect: 4
# expect: "bar"
# expect: "bar"
# expect: "bar"
# expect: "bar"
# expect: [RegexpError, "end pattern with unmatched parenthesis: /(/"]
# expect: [RegexpError, "premature end of char-class: /[a/"]
# expect: [RegexpError, "target of repeat operator is not specified: /?/"]
# expect: [ArgumentError, "invalid byte sequence in UTF-8"]
# expect: /a
# expect: b/
# expect: "abc"
# expect: "héllo"
# expect: "h"
# expect: 1
# expect: 1
# expect: 2
# expect: "日"
# expect: "語"
# expect: ["b", nil, "b"]
# expect: "B"
# expect: ["l", "o"]
# expect: "aaa"
# expect: 2
# expect: "z"
