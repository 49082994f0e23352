# Regexp#names, #named_captures and MatchData#names/#named_captures list names
# in the order they first appear in the pattern.
re = /(?<zz>.)(?<aa>.)(?<mm>.)(?<aa>.)?/
p re.names
p re.named_captures
m = re.match("xyz")
p m.names
p m.named_captures
p "2024-01-15".match(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/).named_captures
p m.to_a, m[:aa]
# expect: ["zz", "aa", "mm"]
# expect: {"zz"=>[1], "aa"=>[2, 4], "mm"=>[3]}
# expect: ["zz", "aa", "mm"]
# expect: {"zz"=>"x", "aa"=>"y", "mm"=>"z"}
# expect: {"y"=>"2024", "m"=>"01", "d"=>"15"}
# expect: ["xyz", "x", "y", "z", nil]
# expect: "y"
