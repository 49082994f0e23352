# Flip-flop ends that are integer literals compare with $. (the last line number).
r = []
(1..8).each { |i| $. = i; r << i if 3..5 }
p r
r = []
(1..8).each { |i| $. = i; r << i if 2...2 }
p r
r = []
%w[a b c d e].each { |s| $_ = s; r << s if /b/../d/ }
p r
# expect: [3, 4, 5]
# expect: [2, 3, 4, 5, 6, 7, 8]
# expect: ["b", "c", "d"]
