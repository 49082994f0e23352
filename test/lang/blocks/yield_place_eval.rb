# yield where no method encloses it (top level, a class body, an eval outside methods) is a SyntaxError at compile time; inside a method, an eval or block may yield
def t; p yield; rescue SyntaxError => e; p e.class, e.message; end
t { eval("yield") }
t { eval("1\n[1].each { yield }") }
def m; eval("yield"); end
t { m { 5 } }
def m2; [1].map { eval("yield") }; end
t { m2 { 6 } }
t { Object.class_eval("yield") }
o = Object.new
def o.x; instance_eval("yield"); end
t { o.x { 7 } }
def o.y; binding; end
t { o.y { 8 }.eval("yield") }
t { eval("def z; yield; end; z { 9 }") }
t { eval("class Q; yield; end") }
t { eval("->{ yield }") }
def m3; define_method(:w) { yield }; end
t { m3 { 10 }; :ok }
t { Class.new { def self.k; yield; end }.k { 11 } }
t { eval("class << Object.new; def j; yield; end; self; end").new rescue :err }
# expect: SyntaxError
# expect: "(eval):1: Invalid yield"
# expect: SyntaxError
# expect: "(eval):2: Invalid yield"
# expect: 5
# expect: [6]
# expect: SyntaxError
# expect: "(eval):1: Invalid yield"
# expect: 7
# expect: 8
# expect: 9
# expect: SyntaxError
# expect: "(eval):1: Invalid yield"
# expect: SyntaxError
# expect: "(eval):1: Invalid yield"
# expect: :ok
# expect: 11
# expect: :err
