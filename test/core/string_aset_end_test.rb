# String#[]= with an Integer index equal to the length appends, as in CRuby
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
t { s = ""; s[0] = "a"; s }
t { s = "ab"; s[2] = "c"; s }
t { s = "é"; s[1] = "x"; s }
t { s = "ab"; s[3] = "c"; s }
t { s = "ab"; s[-3] = "c"; s }
t { "".freeze[0] = "a" }
# expect: "a"
# expect: "abc"
# expect: "éx"
# expect: IndexError: index 3 out of string
# expect: IndexError: index -3 out of string
# expect: FrozenError: can't modify frozen String: ""
