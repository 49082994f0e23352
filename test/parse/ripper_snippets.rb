# ripper_snippets.rb -- everyday Ruby, one snippet per `#--- NAME` section: the corpus of
# tools/ripper_diff.sh (Ripper.sexp / Ripper.sexp_raw against CRuby) with test/parse/snippets.rb.
#--- 1
1
#--- -1
-1
#--- 1_000
1_000
#--- 0x1f
0x1f
#--- 1.5
1.5
#--- -2.5e3
-2.5e3
#--- 3r
3r
#--- 2i
2i
#--- 1.5ri
1.5ri
#--- 12345678901234567890
12345678901234567890
#--- nil
nil
#--- true
true
#--- false
false
#--- self
self
#--- __FILE__
__FILE__
#--- __LINE__
__LINE__
#--- "abc"
"abc"
#--- 'abc'
'abc'
#--- ""
""
#--- "a\nb"
"a\nb"
#--- "a#{b}c"
"a#{b}c"
#--- "#{a}#{b}"
"#{a}#{b}"
#--- "x#@y"
"x#@y"
#--- "x#$z"
"x#$z"
#--- "x#@@w"
"x#@@w"
#--- %q(a b)
%q(a b)
#--- %Q(a #{b})
%Q(a #{b})
#--- %(abc)
%(abc)
#--- 'a' 'b'
'a' 'b'
#--- "a" "#{b}"
"a" "#{b}"
#--- ?a
?a
#--- :sym
:sym
#--- :"quoted sym"
:"quoted sym"
#--- :"a#{b}"
:"a#{b}"
#--- :+
:+
#--- :[]=
:[]=
#--- :foo?
:foo?
#--- %s(x)
%s(x)
#--- []
[]
#--- [1, 2, 3]
[1, 2, 3]
#--- [1, [2, 3]]
[1, [2, 3]]
#--- [*a]
[*a]
#--- [1, *a, 2]
[1, *a, 2]
#--- %w[a b c]
%w[a b c]
#--- %W[a #{b} c]
%W[a #{b} c]
#--- %i[a b]
%i[a b]
#--- %I[a#{1} b]
%I[a#{1} b]
#--- {}
{}
#--- {a: 1}
{a: 1}
#--- {"a" => 1, b => 2}
{"a" => 1, b => 2}
#--- {a: 1, **h}
{a: 1, **h}
#--- {"k": 1}
{"k": 1}
#--- {a:, b:}
{a:, b:}
#--- 1..2
1..2
#--- 1...2
1...2
#--- (1..)
(1..)
#--- (..2)
(..2)
#--- /abc/
/abc/
#--- /a#{b}c/mix
/a#{b}c/mix
#--- %r{a/b}
%r{a/b}
#--- `ls`
`ls`
#--- %x(ls -l)
%x(ls -l)
#--- x = 1
x = 1
#--- @x = 1
@x = 1
#--- $x = 1
$x = 1
#--- @@x = 1
@@x = 1
#--- X = 1
X = 1
#--- A::B = 1
A::B = 1
#--- ::C = 1
::C = 1
#--- x += 1
x += 1
#--- x -= 1
x -= 1
#--- x *= 2
x *= 2
#--- x ||= 1
x ||= 1
#--- x &&= 2
x &&= 2
#--- @a ||= []
@a ||= []
#--- h[:k] ||= 1
h[:k] ||= 1
#--- a.b ||= 1
a.b ||= 1
#--- a.b += 1
a.b += 1
#--- a&.b += 1
a&.b += 1
#--- A::B ||= 1
A::B ||= 1
#--- a, b = 1, 2
a, b = 1, 2
#--- a, b = b, a
a, b = b, a
#--- a, *b = c
a, *b = c
#--- *a, b = c
*a, b = c
#--- a, (b, c), d = x
a, (b, c), d = x
#--- a, = x
a, = x
#--- @a, $b = 1, 2
@a, $b = 1, 2
#--- a.b, c[0] = 1, 2
a.b, c[0] = 1, 2
#--- x = y = 1
x = y = 1
#--- x = 1, 2
x = 1, 2
#--- x = *y
x = *y
#--- a = b rescue c
a = b rescue c
#--- foo
foo
#--- foo()
foo()
#--- foo(1)
foo(1)
#--- foo(1, 2)
foo(1, 2)
#--- foo 1
foo 1
#--- foo 1, 2
foo 1, 2
#--- foo(*a)
foo(*a)
#--- foo(**h)
foo(**h)
#--- foo(&b)
foo(&b)
#--- foo(&:sym)
foo(&:sym)
#--- foo(a, *b, c, k: 1, **h, &blk)
foo(a, *b, c, k: 1, **h, &blk)
#--- foo(k: 1)
foo(k: 1)
#--- foo k: 1
foo k: 1
#--- foo "x" => 1
foo "x" => 1
#--- a.b
a.b
#--- a.b()
a.b()
#--- a.b(1)
a.b(1)
#--- a.b 1
a.b 1
#--- a&.b
a&.b
#--- a&.b(1)
a&.b(1)
#--- a::b
a::b
#--- A::B
A::B
#--- A::b()
A::b()
#--- ::A
::A
#--- a.b.c
a.b.c
#--- a.b(1).c(2)
a.b(1).c(2)
#--- a.()
a.()
#--- a.(1)
a.(1)
#--- foo.bar = 1
foo.bar = 1
#--- foo[1]
foo[1]
#--- foo[1, 2]
foo[1, 2]
#--- foo[]
foo[]
#--- foo[1] = 2
foo[1] = 2
#--- foo[*a]
foo[*a]
#--- a.b { }
a.b { }
#--- a.b { |x| x }
a.b { |x| x }
#--- a.b do |x| x end
a.b do |x| x end
#--- a.b(1) { |x, y| }
a.b(1) { |x, y| }
#--- foo { |a, (b, c)| }
foo { |a, (b, c)| }
#--- foo { |*a, b| }
foo { |*a, b| }
#--- foo { |a, b = 1, *c, d, e:, f: 2, **g, &
foo { |a, b = 1, *c, d, e:, f: 2, **g, &h| }
#--- foo { |a; b| }
foo { |a; b| }
#--- foo { |**nil| }
foo { |**nil| }
#--- foo do end
foo do end
#--- foo do |x|
foo do |x|
  x
end
#--- foo bar do end
foo bar do end
#--- foo.each_with_index.map { |x, i| x * i }
foo.each_with_index.map { |x, i| x * i }
#--- 1 + 2
1 + 2
#--- 1 - 2 * 3
1 - 2 * 3
#--- a ** b
a ** b
#--- a == b
a == b
#--- a != b
a != b
#--- a =~ /x/
a =~ /x/
#--- a !~ /x/
a !~ /x/
#--- a <=> b
a <=> b
#--- a << b
a << b
#--- a & b | c ^ d
a & b | c ^ d
#--- -a
-a
#--- +a
+a
#--- !a
!a
#--- ~a
~a
#--- not a
not a
#--- a && b
a && b
#--- a || b
a || b
#--- a and b
a and b
#--- a or b
a or b
#--- !a && b
!a && b
#--- a ? b : c
a ? b : c
#--- a ? b ? c : d : e
a ? b ? c : d : e
#--- defined?(a)
defined?(a)
#--- defined? a
defined? a
#--- defined?(@a)
defined?(@a)
#--- if a then b end
if a then b end
#--- if a
if a
  b
else
  c
end
#--- if a (166)
if a
  b
elsif c
  d
elsif e
  f
else
  g
end
#--- unless a
unless a
  b
end
#--- unless a then b else c end
unless a then b else c end
#--- a if b
a if b
#--- a unless b
a unless b
#--- while a
while a
  b
end
#--- until a
until a
  b
end
#--- a while b
a while b
#--- a until b
a until b
#--- begin
begin
  a
end while b
#--- for x in y
for x in y
  z
end
#--- for a, b in c do end
for a, b in c do end
#--- case x
case x
when 1
  a
when 2, 3
  b
else
  c
end
#--- case
case
when a then b
end
#--- case x (180)
case x
when *a then b
end
#--- begin (181)
begin
  a
rescue
  b
end
#--- begin (182)
begin
  a
rescue A
  b
rescue B, C => e
  c
else
  d
ensure
  e
end
#--- begin (183)
begin
  a
ensure
  b
end
#--- def f
def f
  a
rescue => e
  b
end
#--- x = begin; 1; end
x = begin; 1; end
#--- return
return
#--- return 1
return 1
#--- return 1, 2
return 1, 2
#--- break
break
#--- break 1
break 1
#--- next
next
#--- next 1
next 1
#--- redo
redo
#--- retry
retry
#--- yield
yield
#--- yield 1
yield 1
#--- yield(1, 2)
yield(1, 2)
#--- super
super
#--- super()
super()
#--- super(1)
super(1)
#--- super 1, 2
super 1, 2
#--- super { }
super { }
#--- def f; end
def f; end
#--- def f(); end
def f(); end
#--- def f(a) end
def f(a) end
#--- def f(a, b = 1, *c, d, e:, f: 2, **g, &h
def f(a, b = 1, *c, d, e:, f: 2, **g, &h) end
#--- def f a, b
def f a, b
  a
end
#--- def f(*) end
def f(*) end
#--- def f(**) end
def f(**) end
#--- def f(&) end
def f(&) end
#--- def f(...) g(...) end
def f(...) g(...) end
#--- def f(**nil) end
def f(**nil) end
#--- def self.f; end
def self.f; end
#--- def obj.f(x) x end
def obj.f(x) x end
#--- def f = 1
def f = 1
#--- def f(x) = x + 1
def f(x) = x + 1
#--- def +(o) end
def +(o) end
#--- def []=(k, v) end
def []=(k, v) end
#--- def a?; end
def a?; end
#--- def a!; end
def a!; end
#--- def f(a)
def f(a)
  a
ensure
  b
end
#--- class A; end
class A; end
#--- class A < B; end
class A < B; end
#--- class A::B < C::D
class A::B < C::D
  def x; end
end
#--- class ::A; end
class ::A; end
#--- class << self
class << self
  def f; end
end
#--- module M; end
module M; end
#--- module M::N
module M::N
  X = 1
end
#--- -> { }
-> { }
#--- -> { 1 }
-> { 1 }
#--- ->(x) { x }
->(x) { x }
#--- ->(x, y = 1) do x end
->(x, y = 1) do x end
#--- -> x { x }
-> x { x }
#--- lambda { |x| x }
lambda { |x| x }
#--- proc do |x| end
proc do |x| end
#--- alias a b
alias a b
#--- alias :a :b
alias :a :b
#--- alias $a $b
alias $a $b
#--- undef a
undef a
#--- undef a, :b
undef a, :b
#--- BEGIN { a }
BEGIN { a }
#--- END { a }
END { a }
#--- (a)
(a)
#--- (a; b)
(a; b)
#--- ((a))
((a))
#--- (a).b
(a).b
#--- (a + b) * c
(a + b) * c
#--- p (1)
p (1)
#--- puts (1) + 2
puts (1) + 2
#--- __method__
__method__
#--- __dir__
__dir__
#--- __ENCODING__
__ENCODING__
#--- $stdout
$stdout
#--- $0
$0
#--- $1
$1
#--- $~
$~
#--- $&
$&
#--- @a
@a
#--- @@b
@@b
#--- A
A
#--- a = 1; a
a = 1; a
#--- x = 1; x += 1
x = 1; x += 1
#--- a.b&.c
a.b&.c
#--- a.b.c = 1
a.b.c = 1
#--- foo(bar(1), baz { 2 })
foo(bar(1), baz { 2 })
#--- foo(->(x) { x })
foo(->(x) { x })
#--- puts "a", "b"
puts "a", "b"
#--- p a: 1
p a: 1
#--- foo(1) do end
foo(1) do end
#--- obj.method(:x).call(1)
obj.method(:x).call(1)
#--- h = { a: 1, b: { c: [1, 2] } }
h = { a: 1, b: { c: [1, 2] } }
#--- str = "hello #{name}, you are #{age} yea
str = "hello #{name}, you are #{age} years"
#--- arr.map(&:to_s).select { |s| s.size > 1 
arr.map(&:to_s).select { |s| s.size > 1 }.first
#--- x = y if z
x = y if z
#--- a = b ? c : d
a = b ? c : d
#--- return a if b
return a if b
#--- raise ArgumentError, "bad" unless ok
raise ArgumentError, "bad" unless ok
#--- attr_accessor :a, :b
attr_accessor :a, :b
#--- require 'set'
require 'set'
#--- private def f; end
private def f; end
#--- puts [1, 2].sum
puts [1, 2].sum
#--- edge: x = 1
x = 1
__END__
data
#--- edge: =begin
=begin
doc
=end
a
#--- edge: a ? b : c ? d : e
a ? b : c ? d : e
#--- edge: def f(*, **, &) g(*, **, &) end
def f(*, **, &) g(*, **, &) end
#--- edge: foo::Bar
foo::Bar
#--- edge: a&.b = 1
a&.b = 1
#--- edge: a[1] += 1 rescue 2
a[1] += 1 rescue 2
#--- edge: f.g do |x| end.h
f.g do |x| end.h
#--- edge: obj&.m { }
obj&.m { }
#--- edge: def f(&b) super(&b) end
def f(&b) super(&b) end
#--- edge: def f; yield[1]; end
def f; yield[1]; end
#--- edge: [*a, *b]
[*a, *b]
#--- edge: {**a, b: 1}
{**a, b: 1}
#--- edge: "#{}"
"#{}"
#--- edge: :"#{}"
:"#{}"
#--- edge: %i[]
%i[]
#--- edge: ?\n
?\n
#--- edge: [0b101, 1e3, 1.0r, 0o17, 0xff, 1_0]
[0b101, 1e3, 1.0r, 0o17, 0xff, 1_0]
#--- edge: $1
$1
#--- edge: def f() = 1
def f() = 1
#--- edge: class Foo::Bar < Baz; end
class Foo::Bar < Baz; end
#--- edge: module A; module B; end; end
module A; module B; end; end
#--- edge: case; when a; end
case; when a; end
#--- edge: while true do end
while true do end
#--- edge: loop { break 1, 2 }
loop { break 1, 2 }
#--- edge: loop { next [1] }
loop { next [1] }
#--- edge: a, b = *c, d
a, b = *c, d
#--- edge: begin; rescue A, B; rescue; else; ensure
begin; rescue A, B; rescue; else; ensure; end
#--- edge: puts(<<~A, <<~B)
puts(<<~A, <<~B)
  a
A
  b
B
#--- edge: x = if a then 1 else 2 end
x = if a then 1 else 2 end
#--- edge: foo a, *b, c: 1, &d
foo a, *b, c: 1, &d
#--- edge: a.b(c).d { |e| e }.f
a.b(c).d { |e| e }.f
#--- edge: A::B::C = 1
A::B::C = 1
#--- edge: def ==(o) = true
def ==(o) = true
#--- edge: x = y = z = 0
x = y = z = 0
#--- edge: p(*a, **h)
p(*a, **h)
#--- edge: foo[] = 1
foo[] = 1
#--- edge: a ||= b ||= c
a ||= b ||= c
#--- edge: -> (a, b = 1, *c, d:, e: 2, **f, &g) {}
-> (a, b = 1, *c, d:, e: 2, **f, &g) {}
#--- edge: for a, b in c; end
for a, b in c; end
#--- edge: alias_method :a, :b
alias_method :a, :b
#--- edge: BEGIN { }; END { }
BEGIN { }; END { }
#--- edge: p <<-X.strip
p <<-X.strip
  hi
  X
#--- edge: a = <<~'X'
a = <<~'X'
  raw #{no}
X
#--- edge: x = `echo #{y}`
x = `echo #{y}`
#--- edge: /#{a}b/o
/#{a}b/o
#--- edge: p(a: 1, **nil.to_h)
p(a: 1, **nil.to_h)
#--- edge: def m(a, (b, c), d) end
def m(a, (b, c), d) end
#--- edge: case [1, 2]
case [1, 2]
in [Integer => a, String | Symbol => b] then a
in {x: [1, *]} then 2
end
#--- edge: x => {a: [b, *c]}
x => {a: [b, *c]}
#--- edge: 1.then { _1 + 1 }
1.then { _1 + 1 }
#--- edge: def method_missing(name, *args, &block) 
def method_missing(name, *args, &block) = super
#--- edge: !!a
!!a
#--- edge: a.!
a.!
#--- edge: not(a)
not(a)
#--- edge: a =~ /x/ ? $~[0] : nil
a =~ /x/ ? $~[0] : nil
#--- edge: "a" "b" "c"
"a" "b" "c"
#--- edge: 'a\'b' + "c\"d"
'a\'b' + "c\"d"
#--- edge: %q{a{b}c}
%q{a{b}c}
#--- edge: x = [1,
x = [1,
  2,
]
