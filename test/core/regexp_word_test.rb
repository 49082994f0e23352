# \w \d \s are ASCII-only in Ruby, \b and \B see Unicode word characters.
p "héllo wörld" =~ /\bw/
p "héllo wörld".scan(/\b\w+\b/)
p "naïve café".split(/\b/)
p "日本語 テスト".scan(/\w+/)
p "über" =~ /\Bber/
p "héllo" =~ /\w+/, $~[0]
p "a_b-c d".scan(/[\w-]+/)
p "x y" =~ /\W/
p "é1" =~ /[^\w]/
p "\\w" =~ /\\w/
p "a\\wb".split(/\\\w/)
p "Ünïcödé" =~ /[[:alpha:]]+/, $~[0]
p "ab12" =~ /\w\d/, $~[0]
p "word word".gsub(/\bw/, "W")
# expect: 6
# expect: []
# expect: ["naïve", " ", "café"]
# expect: []
# expect: 1
# expect: 0
# expect: "h"
# expect: ["a_b-c", "d"]
# expect: 1
# expect: 0
# expect: 0
# expect: ["a", "b"]
# expect: 0
# expect: "Ünïcödé"
# expect: 1
# expect: "b1"
# expect: "Word Word"
