m = /(.)(.)(\d+)(\d)(z)?/.match("THX1138.")
p m.match(0), m.match(3), m.match(5), m.match_length(0), m.match_length(3), m.match_length(5)
begin; m.match(9); rescue => e; p e; end
begin; m.match_length(-1); rescue => e; p e; end
begin; m.match("a"); rescue => e; p e; end
n = /(?<a>.)(?<b>é)?/.match("xy")
p n.match(:a), n.match("a"), n.match_length(:a), n.match(:b), n.match_length("b")
begin; n.match(:c); rescue => e; p e; end
m2 = /(.)(.)(\d+)(\d)(z)?/.match("THX1138.")
p m.hash == m2.hash, m == m2, m.hash.class
u = /(é+)/.match("aéé"); p u.match_length(1), u.match(1)
p m.match(1.9)
begin; m.match(nil); rescue => e; p e; end
p({ m => 1 }[m2])
p /a/.match("xa").hash == /a/.match("ya").hash
# expect: "HX1138"
# expect: "113"
# expect: nil
# expect: 6
# expect: 3
# expect: nil
# expect: #<IndexError: index 9 out of matches>
# expect: #<IndexError: index -1 out of matches>
# expect: #<IndexError: undefined group name reference: a>
# expect: "x"
# expect: "x"
# expect: 1
# expect: nil
# expect: nil
# expect: #<IndexError: undefined group name reference: c>
# expect: true
# expect: true
# expect: Integer
# expect: 2
# expect: "éé"
# expect: "H"
# expect: #<TypeError: no implicit conversion from nil to integer>
# expect: 1
# expect: false
