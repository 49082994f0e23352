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
# the separator globals check what they are given; the -x aliases are aliases
[["$;", 1], ["$,", :s], ["$/", 1], ["$\\", [1]], ["$-0", 2], ["$-F", 3], ["$-i", 4]].each do |g, v|
  begin; eval("#{g} = v"); p :no_error; rescue TypeError => e; puts e.message; end
end
# expect: value of $; must be String or Regexp
# expect: value of $, must be String
# expect: value of $/ must be String
# expect: value of $\ must be String
# expect: value of $-0 must be String
# expect: value of $-F must be String or Regexp
# expect: no implicit conversion of Integer into String
$; = /,/; p "a,b".split, $-F    # expect: ["a", "b"]
# expect: /,/
$; = nil
$/ = "x"; p $-0; $/ = "\n"      # expect: "x"
$VERBOSE = 1; p $VERBOSE, $-v, $-w   # expect: true
# expect: true
# expect: true
$-w = nil; p $VERBOSE           # expect: nil
$VERBOSE = false
$DEBUG = 1; p $-d; $DEBUG = false   # expect: 1
p $-a, $-l, $-p                 # expect: false
# expect: false
# expect: false
begin; $-a = true; rescue NameError => e; puts e.message; end   # expect: $-a is a read-only variable
p((Array.new(:a) rescue $!.message))   # expect: "no implicit conversion of Symbol into Integer"
