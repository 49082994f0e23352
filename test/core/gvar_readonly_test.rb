# $! is read-only, through an alias too; $~ takes only nil or a MatchData (CRuby 3.1)
begin; eval("$! = 1"); rescue NameError => e; p e.message; end   # expect: "$! is a read-only variable"
alias $E $!
begin; $E = 1; rescue NameError => e; p e.message; end           # expect: "$E is a read-only variable"
p $E                                                              # expect: nil
begin; $~ = 1; rescue TypeError => e; p e.message; end           # expect: "wrong argument type Integer (expected MatchData)"
"ab" =~ /b/; m = $~; $~ = nil; p $~                               # expect: nil
$~ = m; p $~[0], $`                                               # expect: "b"
# expect: "a"
begin; raise "x"; rescue; p $!.message, $E.message; end          # expect: "x"
# expect: "x"
