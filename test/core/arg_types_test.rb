# Arguments of the wrong kind as CRuby 3.1 takes them, found by a differential
# sweep: a Symbol is no pattern (match, scan, sub, gsub, split raise TypeError),
# default_proc= takes what to_proc converts (a Symbol), intersection() copies,
# permutation(nil) is permutation(), Integer#div of a String raises TypeError
# through coercion, and Integer#[] of zero bits is 0.
p(("a:b".split(:":") rescue $!), ("ab".scan(:a) rescue $!), ("ab".gsub(:a, "x") rescue $!), ("ab".sub(:a, "x") rescue $!), ("ab".match(:a) rescue $!), ("ab".match?(:a) rescue $!))
o = Object.new; def o.to_str = "b"; p "abc".sub(o, "X"), "abc".match?(o), "a.c".split("."), "abc".gsub("b") { "Q" }
h = {}; h.default_proc = :upcase; p h.default_proc.lambda?, (h["x"] rescue $!.class)
p [1, 2, 2].intersection, [3, 1, 2].permutation(nil).to_a.size, ([3, 1, 2].combination(nil).to_a rescue $!)
p((0.div("a") rescue $!), 5[2, 0], (-7)[0, 0], 0b1011[1, 2], 255[4..], 5[2...2], 0b1011[3..1])
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: #<TypeError: wrong argument type Symbol (expected Regexp)>
# expect: "aXc"
# expect: true
# expect: ["a", "c"]
# expect: "aQc"
# expect: true
# expect: NoMethodError
# expect: [1, 2, 2]
# expect: 6
# expect: #<TypeError: no implicit conversion from nil to integer>
# expect: #<TypeError: String can't be coerced into Integer>
# expect: 0
# expect: 0
# expect: 1
# expect: 15
# expect: 0
# expect: 1
# String#lines / #each_line take a separator only (no limit, as IO's has)
p(("a".lines(0) rescue $!), ("a".lines("\n", 2) rescue $!), "a--b".lines("--"), "p1\n\np2".lines(""))
# expect: #<TypeError: no implicit conversion of Integer into String>
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 0..1)>
# expect: ["a--", "b"]
# expect: ["p1\n\n", "p2"]
# combination and repeated_combination check their count before they return an Enumerator
p(([1, 2].combination("a") rescue $!), ([1, 2].repeated_combination(nil) rescue $!), [1, 2].permutation("a").class, [1, 2, 3].combination(2).to_a)
# expect: #<TypeError: no implicit conversion of String into Integer>
# expect: #<TypeError: no implicit conversion from nil to integer>
# expect: Enumerator
# expect: [[1, 2], [1, 3], [2, 3]]
# default_proc= answers the Proc it made; a lambda of one argument (Hash#to_proc) is refused
h = {}
p h.send(:default_proc=, :upcase).lambda?, (begin; h.default_proc = {}; rescue TypeError => e; e.message; end), {a: 1}.to_proc.arity
# expect: true
# expect: "default_proc takes two arguments (2 for 1)"
# expect: 1
# min(0) and max(0) compare nothing
p [1, "a"].min(0), [1, "a"].max(0), [3, 1, 2].min(2), [3, 1, 2].max(2)
# expect: []
# expect: []
# expect: [1, 2]
# expect: [3, 2]
