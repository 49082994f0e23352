# Symbol: conversion, inspect quoting rules, comparison, string-like methods
p :foo, :foo.to_s, :foo.id2name, :foo.name, :foo.name.frozen?, :foo.to_s.frozen?, :foo.to_sym
p :"foo bar", :"é", :"9a", :a?, :a!, :a=, :[]=, :"a?=", :$a, :@a, :@@a, :"@", :A, :"foo\n", :"", :!, :!=, :"=", :==
p :===, :=~, :!~, :"&&", :-@, :+@, :**, :<=>, :"$1", :"$-w", :$$, :[], :<<, :`, :"foo?bar", :Foo=, :_x
p :abc.length, :abc.size, :"é".length, :abc.empty?, :"".empty?, :abc.encoding, :"é".encoding
p :a <=> :b, :b <=> :a, :a <=> "a", :a == :a, :a == "a", :abc[1], :abc[0, 2], :abc.start_with?("a"), :abc.end_with?("bc")
p :abc.upcase, :abc.succ, :az.next, :"a b".inspect, :upcase.to_proc.call("x")
p %i[a b c].map(&:to_s), [1, 2, 3].map(&:to_s), %w[a b].map(&:upcase)
p :abc.hash == :abc.hash, :a.hash == :b.hash, :abc.object_id == :abc.object_id
p Symbol.all_symbols.size > 100, Symbol.all_symbols.include?(:foo)
p "foo".to_sym.equal?(:foo), :size.to_proc.call("xy")
p :abc =~ /b/, :abc.match(/c/)[0], :abc.match?(/z/), :a.casecmp(:A), :a.casecmp?(:A), :a.casecmp("a")
h = {a: 1, "b": 2}
p h, h.keys.map(&:inspect)
# expect: :foo
# expect: "foo"
# expect: "foo"
# expect: "foo"
# expect: true
# expect: false
# expect: :foo
# expect: :"foo bar"
# expect: :é
# expect: :"9a"
# expect: :a?
# expect: :a!
# expect: :a=
# expect: :[]=
# expect: :"a?="
# expect: :$a
# expect: :@a
# expect: :@@a
# expect: :"@"
# expect: :A
# expect: :"foo\n"
# expect: :""
# expect: :!
# expect: :!=
# expect: :"="
# expect: :==
# expect: :===
# expect: :=~
# expect: :!~
# expect: :"&&"
# expect: :-@
# expect: :+@
# expect: :**
# expect: :<=>
# expect: :$1
# expect: :$-w
# expect: :$$
# expect: :[]
# expect: :<<
# expect: :`
# expect: :"foo?bar"
# expect: :Foo=
# expect: :_x
# expect: 3
# expect: 3
# expect: 1
# expect: false
# expect: true
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:UTF-8>
# expect: -1
# expect: 1
# expect: nil
# expect: true
# expect: false
# expect: "b"
# expect: "ab"
# expect: true
# expect: true
# expect: :ABC
# expect: :abd
# expect: :ba
# expect: ":\"a b\""
# expect: "X"
# expect: ["a", "b", "c"]
# expect: ["1", "2", "3"]
# expect: ["A", "B"]
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 2
# expect: 1
# expect: "c"
# expect: false
# expect: 0
# expect: true
# expect: nil
# expect: {:a=>1, :b=>2}
# expect: [":a", ":b"]
