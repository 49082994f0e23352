#--- command call as binary operand
1 + foo 2
#--- command call after unary
-foo 2
#--- command call in array
[foo 1]
#--- command call as hash value
{a: foo 1}
#--- command call as method arg
bar(foo 1)
#--- command call as command arg
bar foo 1
#--- command call nested commas
bar foo 1, 2
#--- command in ternary
x ? foo 1 : 2
#--- command after assignment
x = foo 1
#--- command after op-assign
x = 1; x += foo 2
#--- command after ||=
x ||= foo 2
#--- command with and
foo 1 and bar 2
#--- command with or
foo 1 or bar 2
#--- command with not
not foo 1
#--- not with parens
p(not true)
#--- not without parens as arg
p not true
#--- not as binary rhs
x = 1 + not true
#--- ! command
! foo 1
#--- command && command
foo 1 && bar 2
#--- command after &&
true && foo 1
#--- defined? with call chain as first arg
puts defined?(String).inspect, 1
#--- defined? bare
defined? x
#--- defined? with operator
defined? x && y
#--- defined? command arg
p defined? String
#--- defined? of method call with args
defined?(foo(1))
#--- defined? paren then op
defined?(a) + 1
#--- defined? of yield
defined?(yield)
#--- defined? of super
defined?(super)
#--- defined? of @x
defined?(@x) ? 1 : 2
#--- rescue modifier
x = foo rescue nil
#--- rescue modifier command
foo 1 rescue bar 2
#--- rescue modifier in arg
p(foo rescue 1)
#--- rescue modifier assign command
x = foo 1 rescue 2
#--- op assign rescue
x = 1; x += raise rescue 2
#--- rocket pattern
{a: 1} => {a:}
#--- in pattern
x = 1 in Integer
#--- in pattern as command arg
p x in pat
#--- in pattern in parens
p(1 in Integer)
#--- in pattern statement
1 in Integer
#--- rocket pattern array
[1, 2] => [a, b]
#--- in pattern in if
if 1 in Integer then p 1 end
#--- in with and
1 in Integer and p 2
#--- rocket with rescue
1 => a rescue nil
#--- endless def
def f = 1
#--- endless def args
def f(x) = x + 1
#--- endless def command body
def f(x) = puts x
#--- endless def rescue
def f = raise rescue 1
#--- endless def no parens args
def f x = 1
#--- endless setter
def f=(x) = 1
#--- endless singleton def
def self.f = 1
#--- endless def with ==
def ==(o) = true
#--- lambda do end
->(x) do x end
#--- lambda brace
->(x) { x }
#--- lambda no parens
-> x, y { x }
#--- lambda default arg
->(x = 1) { x }
#--- lambda block arg in command
foo -> { 1 }
#--- lambda do in command arg
foo ->(x) do x end
#--- lambda no args do
-> do 1 end
#--- lambda with block locals
->(x; y) { y = x }
#--- block pass
foo(&blk)
#--- block pass sym
foo(&:to_s)
#--- anonymous block pass 3.1
def f(&) = g(&)
#--- args forwarding
def f(...) = g(...)
#--- args forwarding leading
def f(a, ...) = g(a, ...)
#--- args forwarding without parens
def f(...); g ...; end
#--- args forwarding in non-forwarding def
def f(a); g(...); end
#--- args forwarding in block
def f(...); -> { g(...) }; end
#--- numbered params
[1].each { p _1 }
#--- numbered params two
[[1, 2]].each { p _1 + _2 }
#--- numbered param with explicit params
[1].each { |x| p _1 }
#--- numbered param nested
[1].each { [2].each { p _1 } }
#--- numbered param outer and inner
[1].each { _1; [2].each { _1 } }
#--- numbered param assign
[1].each { _1 = 2 }
#--- numbered param outside block
p _1
#--- hash shorthand
x = 1; y = 2; {x:, y:}
#--- hash shorthand call arg
x = 1; foo(x:)
#--- hash shorthand command arg
x = 1; foo x:
#--- hash shorthand const
{String:}
#--- hash shorthand ivar
{@a:}
#--- while do
while x do end
#--- until do
until x do 1 end
#--- while with command cond do
while foo 1 do end
#--- for in do
for i in [1] do p i end
#--- heredoc in call args
foo(<<~A, 2)
  x
A
#--- two heredocs
foo(<<A, <<B)
a
A
b
B
#--- heredoc method call
x = <<~A.strip
  x
A
#--- heredoc in command args with block
foo <<A do
x
A
end
#--- percent i
%i[a b c]
#--- percent I interp
%I[a#{1} b]
#--- percent w empty
%w[]
#--- percent with odd delims
%w|a b|
#--- ternary vs symbol
a ?b :c
#--- ternary with spaces
a ? b : c
#--- ternary char literal
x = true ?a : 1
#--- ternary no space
a=1;b=2;c=3; a ?b: c
#--- p -1
p -1
#--- p - 1
p - 1
#--- p -x local
x = 1; p -x
#--- p *args
p *[1]
#--- p [1]
p [1]
#--- p[1]
x = [1]; x [0]
#--- a.b c do end
a.b c do end
#--- a.b c { }
a.b c { }
#--- command block chain
a.b c do end.d
#--- brace block on command
a b { 1 }
#--- do block on command with parens
a(b) do end
#--- return multiple
def f; return a, b; end
#--- return splat
def f; return *a; end
#--- return command
def f; return foo 1; end
#--- break with value
loop { break 1, 2 }
#--- next with command
[1].each { next foo 1 }
#--- masgn splat
a, *b = 1, 2, 3
#--- masgn splat middle
a, *b, c = 1, 2, 3
#--- masgn nested
a, (b, c) = 1, [2, 3]
#--- masgn bare splat
a, * = 1, 2
#--- masgn star only
* = 1
#--- masgn trailing comma
a, = 1
#--- masgn rhs splat
a, b = *c
#--- masgn attr
self.a, b[0] = 1, 2
#--- masgn const
A, B = 1, 2
#--- masgn command rhs
a, b = foo 1
#--- op assign attr
a.b ||= 1
#--- op assign index
a[1] += 2
#--- op assign const
A::B ||= 1
#--- op assign command
a.b += foo 1
#--- safe nav op assign
a&.b ||= 1
#--- multiple assignment in cond
if (a, b = 1, 2) then end
#--- assignment to keyword
self = 1
#--- assignment to nil
nil = 1
#--- assignment to __FILE__
__FILE__ = 1
#--- assign numbered var
$1 = 2
#--- dynamic constant in def
def f; A = 1; end
#--- class in def
def f; class A; end; end
#--- module in def
def f; module A; end; end
#--- return in class body
class A; return; end
#--- yield at top
yield
#--- retry outside rescue
retry
#--- redo at top
redo
#--- break at top
break
#--- next at top
next
#--- begin end while
begin; end while false
#--- BEGIN in method
def f; BEGIN { }; end
#--- BEGIN top
BEGIN { p 1 }
#--- END in method
def f; END { }; end
#--- alias gvar
alias $a $b
#--- alias nth ref
alias $a $1
#--- undef multiple
undef a, b, :c
#--- undef op
undef +, []
#--- def keyword name
def end; end
#--- def op name
def +(o); end
#--- def unary minus
def -@; end
#--- def setter
def a=(x); end
#--- def singleton on expr
def (a).b; end
#--- def dup args
def f(a, a); end
#--- def underscore dup args
def f(_, _); end
#--- block dup args
proc { |a, a| }
#--- def kwargs
def f(a:, b: 1, **kw); end
#--- def post args
def f(a, *b, c); end
#--- def opt after splat
def f(*a, b = 1); end
#--- def block after kwrest
def f(**kw, &b); end
#--- def nokw
def f(**nil); end
#--- block nokw
proc { |**nil| }
#--- block param trailing comma
proc { |a, | }
#--- block local vars
proc { |a; b, c| }
#--- block kwargs
proc { |a, b: 1| }
#--- const arg name
def f(A); end
#--- ivar arg name
def f(@a); end
#--- method with bang arg
def f(a!); end
#--- string juxtaposition
"a" "b"
#--- string juxtaposition with interp
"a" "#{1}"
#--- char literal
?a + ?\n
#--- symbol forms
[:"a b", :a?, :a!, :a=, :[], :[]=, :<=>, :!, :-@]
#--- regexp after call
foo /x/
#--- division
x = 1; x /2/ 1
#--- regexp options
/a/imx
#--- regexp bad option
/a/q
#--- rational and imaginary
[1r, 2i, 1.5r, 3ri]
#--- bad number
1__2
#--- trailing underscore
1_
#--- leading zero octal bad
09
#--- float exponent
1e5 + 1.5e-3
#--- bad float
1.e5
#--- method on int literal
1.times {}
#--- hex literal
0x_1
#--- safe navigation call
a&.b(1)
#--- safe navigation with block
a&.b { }
#--- :: method call
A::b
#--- :: const call with args
A::B(1)
#--- call with trailing comma
foo(1, 2,)
#--- array trailing comma
[1, 2,]
#--- hash trailing comma
{a: 1,}
#--- call with kwargs and block
foo(a: 1, &b)
#--- call with splat and kwsplat
foo(*a, **b)
#--- call with block after splat
foo(*a, &b)
#--- block pass and block literal
foo(&b) { }
#--- hash with string label
{"a": 1}
#--- hash label followed by newline
{a:
1}
#--- hash rocket mix
{a: 1, "b" => 2}
#--- hash in command call
foo a: 1, b: 2
#--- brace after command as hash?
foo {a: 1}
#--- case when then
case 1 when 1 then 2 else 3 end
#--- case when splat
case 1; when *a; end
#--- case without subject
case; when true; end
#--- case empty
case 1; end
#--- case in patterns
case x
in [Integer => a, *rest] if a > 1 then 1
in {name: String => n} unless n.empty?
in ^y | nil
in Foo(a:, b:)
in [*, 1, *]
in x if x
else
end
#--- case in pin expression
case 1; in ^(1 + 1); end
#--- case in pin ivar
case 1; in ^@a; end
#--- case in range patterns
case 1; in 1..; in ..2; in 1...3; end
#--- case in hash rest nil
case {}; in {a: 1, **nil}; end
#--- case in bare array pattern
case 1; in a, b; end
#--- case in alternative with binding
case 1; in [a] | [b]; end
#--- case in duplicate key
case {}; in {a: 1, a: 2}; end
#--- case in dup var
case 1; in [a, a]; end
#--- if then else one line
if a then b else c end
#--- unless else
unless a then b else c end
#--- unless elsif
unless a; elsif b; end
#--- elsif chain
if a; elsif b; elsif c; else; end
#--- while modifier begin
begin; x; end until true
#--- flip flop
if (a==1)..(a==2) then end
#--- __END__
p 1
__END__
garbage (((
#--- =begin comment
=begin
xx
=end
p 1
#--- unterminated =begin
=begin
x
#--- unterminated string
"abc
#--- unterminated heredoc
<<A
x
#--- unterminated regexp
/abc
#--- unmatched paren
foo(1))
#--- missing end
def f
#--- extra end
def f; end; end
#--- lone else
else
#--- empty parens
()
#--- nested parens stmts
(a; b)
#--- begin rescue else ensure
begin; rescue A, B => e; rescue; else; ensure; end
#--- rescue splat
begin; rescue *A; end
#--- rescue in def body
def f; 1; rescue; 2; else; 3; ensure; 4; end
#--- rescue in block do
foo do; rescue; end
#--- rescue in brace block
foo { 1; rescue; 2 }
#--- else without rescue
begin; else; end
#--- class with superclass expr
class A < Struct.new(:a); end
#--- singleton class
class << self; end
#--- class path
class A::B; end
#--- class top const
class ::A; end
#--- lowercase class name
class a; end
#--- method call with space before paren
foo (1), 2
#--- method call with space before paren and block
foo (1) { }
#--- warning paren
foo (1, 2)
#--- super forms
def f; super; super(); super(1); super 1; end
#--- super with block
def f; super { }; end
#--- yield forms
def f; yield; yield 1, 2; yield(1); end
#--- attr assign with command rhs
a.b = foo 1
#--- index assign
a[1] = 2
#--- index with command arg
a[foo 1]
#--- empty index
a[]
#--- backtick
`ls`
#--- percent x
%x(ls)
#--- gvar special
[$!, $@, $~, $1, $&, $`, $', $+, $0, $*, $$, $?, $:, $", $;, $,, $/, $\, $<, $>, $.]
#--- gvar dash
$-w
#--- instance var bad
@1
#--- class var bad
@@1
#--- __method__ and friends
[__method__, __FILE__, __LINE__, __dir__, __ENCODING__]
#--- not ()
not()
#--- ! method
!foo 1
#--- a && not b
a && not(b)
#--- a && not b no parens
a && not b
#--- and not
a and not b
#--- dot at line start
foo
  .bar
#--- safe nav at line start
foo
  &.bar
#--- comment between method chain
foo
  # comment
  .bar
#--- operator at line end
1 +
  2
#--- operator at line start
1
  + 2
#--- ternary multiline
a ?
  b :
  c
#--- keyword arg method call label space
foo(a: 1)
#--- keyword as label
foo(if: 1, end: 2)
#--- keyword method name after dot
a.class.end.if
#--- block arg in lambda literal
->(&b) { }
#--- lambda with kwargs
->(a:, b: 2) { }
#--- stabby lambda call
->{}.()
#--- .() call
a.()
#--- method ending in ? with args
a.b? 1
#--- multiple return values with splat
return 1, *a
#--- rescue => ivar
begin; rescue => @e; end
#--- rescue => attr
begin; rescue => a.b; end
#--- string with interpolation of heredoc
"#{<<A}"
x
A
#--- nested interpolation
"a#{"b#{1}"}"
#--- symbol interpolation
:"a#{1}"
#--- dsym label
{"a#{1}": 2}
#--- regexp named captures
/(?<x>.)/ =~ "a"; x
#--- mlhs in block params
proc { |(a, b), c| }
#--- mlhs with splat in block params
proc { |(a, *b), c| }
#--- for with mlhs
for a, b in [[1, 2]]; end
#--- numbered param in lambda
-> { _1 }
#--- it (not keyword in 3.1)
[1].each { it }
#--- operator method calls
a.+(1); a.[](1); a.!; a.-@
#--- safe nav operator
a&.+(1)
#--- unary minus pow
-2 ** 2
#--- unary minus on call
-a.b
#--- range endless
(1..)
#--- range beginless
(..1)
#--- endless range in array
[1..]
#--- endless range then newline op
x = 1..
p x
#--- beginless range as arg
p(..1)
#--- range of ranges
1..2..3
#--- comparison chain
1 < 2 < 3
#--- equality chain
1 == 2 == 3
#--- match chain
a =~ b =~ c
#--- not equals chained
1 != 2 != 3
#--- spaceship chain
a <=> b <=> c
#--- assignment in cond warning
if a = 1 then end
#--- unused literal in void
1; 2
#--- lvar def via masgn in cond
p a if (a = 1)
#--- conditional modifier chain
a if b unless c while d until e
#--- rescue modifier chain
a rescue b rescue c
#--- and or chain with not
not a and b or not c
#--- command call with do block in while cond
while foo do end
#--- hash as last arg without braces then block
foo a: 1 do end
#--- label after ternary
a ? b: c
#--- label ternary odd
a ?b:c
#--- string label in ternary
a ? "b": c
#--- block params with defaults using prior
proc { |a, b = a| }
#--- arg forwarding with block
def f(...) = g(...) { }
#--- arg forwarding anonymous block and kw
def f(*, **, &) = g(*, **, &)
#--- anonymous splat 3.1 (not allowed in 3.1)
def f(*) = g(*)
#--- anonymous kwsplat 3.1 (not allowed in 3.1)
def f(**) = g(**)
#--- pattern matching find in rocket
x => [*, 1, *post]
#--- one-line in with array
[1, 2] in [Integer, Integer]
#--- one-line in returns bool in p parens
p((1 in Integer))
#--- pattern with const pattern paren
x => Point(x:, y:)
#--- pattern with array const brackets
x => Point[a, b]
#--- hash pattern string keys
x => {"a": 1}
#--- hash pattern bare
x => a:, b:
#--- pattern value with method call
case 1; in 1.abs; end
#--- pattern with lambda
case 1; in ->(x) { x > 0 }; end
#--- pattern with regexp and ranges
case 1; in /a/ | 1..2 | "x" | :y | nil | true; end
#--- deep nested brackets
[[[[[[[[[[1]]]]]]]]]]
#--- method name with keyword prefix
def if_x; end; if_x
#--- ident with ? followed by :
x = 1; y = x ?x : 2
#--- print with parens and op
puts (1) + 2
#--- p with hash arg braces
p({a: 1})
#--- call with block and args no paren
foo 1, 2 do |x| end
#--- nested command in do block
foo bar do end
#--- do binding to outer command
foo bar baz do end
#--- brace block binding to inner
foo bar { }
#--- lambda in default arg
def f(a = -> { }); end
#--- default arg referencing earlier
def f(a, b = a); end
#--- default arg with method call with block
def f(a = foo { }); end
#--- class with semicolon body
class A; def f; end; end
#--- attr op assign on constant receiver
A.b += 1
#--- :: op assign
A::b += 1
#--- constant assign in method via ::
def f; A::B = 1; end
#--- top constant assign
::A = 1
#--- heredoc with interpolated method call
x = <<~EOS
  #{foo(1)}
  a
EOS
#--- heredoc identifier quoted
x = <<~'EOS'
  #{x}
EOS
#--- heredoc backtick
x = <<~`EOS`
  ls
EOS
#--- heredoc followed by method on same line
foo(<<A).bar
x
A
#--- word list with escapes
%w[a\ b c]
#--- empty symbol
:""
#--- bare colon symbol
:
#--- percent s symbol
%s(a)
#--- literal with encoding comment
# encoding: utf-8
"é"
#--- line continuation
x = 1 \
  + 2
#--- semicolons only
;;;
#--- empty program
#--- break in method
def f; break; end
#--- next in method
def f; next; end
#--- redo in method
def f; redo; end
#--- break in block in method
def f; [1].each { break }; end
#--- break in while in method
def f; while true; break; end; end
#--- return at top
return
#--- return value at top
return 1
#--- yield in block at top
[1].each { yield }
#--- yield in class body
class A; yield; end
#--- retry in rescue
begin; rescue; retry; end
#--- retry in method rescue
def f; rescue; retry; end
#--- retry in ensure
begin; ensure; retry; end
#--- super at top
super
#--- super in block at top
[1].each { super }
#--- heredoc with method call on terminator line
x = <<~A + "b"
  a
A
#--- heredoc squiggly interpolation
x = <<~A
  #{1}
    b
A
#--- heredoc dash
x = <<-A
  a
  A
#--- heredoc raw
x = <<'A'
#{x}
A
#--- heredoc in hash
h = {a: <<~X, b: 2}
  v
X
#--- heredoc in method chain args
foo(<<~A.strip, <<~B.strip)
  a
A
  b
B
#--- string escapes
"\u{1F600} \x41 \101 \cA \C-a \M-a \e \s"
#--- bad unicode escape
"\u{110000}"
#--- invalid escape u
"\uZZZZ"
#--- char literals
[?a, ?\n, ?\s, ?あ, ?\u0041, ?\C-a]
#--- percent q nested parens
%q(a (b) c)
#--- percent with angle
%w<a b>
#--- percent with bang
%q!a!
#--- percent literal space after p
p %w[a]
#--- modulo vs percent
x = 10; x %w
#--- x % 2
x = 10; x % 2
#--- symbol op methods
[:+, :-, :*, :/, :%, :**, :==, :<, :>, :<=, :>=, :<<, :>>, :&, :|, :^, :~, :!, :=~, :!~, :[], :[]=, :+@, :-@, :call]
#--- symbol with question
:a?
#--- symbol setter
:a=
#--- keyword symbols
[:if, :end, :class, :def, :self, :nil]
#--- label keyword
{if: 1, class: 2, def: 3, end: 4}
#--- lambda with block param
->(&b) {}
#--- lambda with kwargs no parens
-> a:, b: 1 {}
#--- lambda with splat
->(*a, **k) {}
#--- lambda body do with rescue
-> do rescue; end
#--- lambda brace rescue
-> { 1 rescue 2 }
#--- block with rescue
[1].each do |x| rescue; else; ensure; end
#--- block numbered params 9
[1].each { _9 }
#--- method ending with ? and !
def a?; end; def b!; end; a?; b!
#--- call with ? method and ternary
x = a? ? 1 : 2
#--- method call with trailing dot-newline
foo.
  bar
#--- method call with &. newline
foo&.
  bar
#--- case in with then on same line
case 1 in Integer then 1 end
#--- case in with array pattern splat name
case [1]; in [*a]; end
#--- case in with hash pattern **rest
case {}; in {a: 1, **rest}; end
#--- case in with nil pattern
case 1; in nil; end
#--- case in with const pattern with array
case 1; in Array[1, *]; end
#--- case in find pattern const
case 1; in Array[*, 1, *]; end
#--- case in pin expression
x = 1; case 1; in ^x; end
#--- case in alternatives with nil
case 1; in 1 | 2 | nil; end
#--- case in with guard unless
case 1; in x unless x; end
#--- in pattern rocket binding
case 1; in Integer => n; end
#--- case in string pattern keys
case {}; in {"a": 1}; end
#--- one-line pattern with hash
{a: 1} in {a: Integer}
#--- one-line pattern array w/o brackets
[1] => a,
#--- multiple assignment nested splat
a, (b, *c), d = 1, [2, 3], 4
#--- masgn with index and attr
a[0], b.c = 1, 2
#--- masgn splat in middle only
*a, b = 1
#--- op assign with &&=
a = nil; a &&= 1
#--- op assign index ||=
a = {}; a[:x] ||= 1
#--- op assign const ::
A ||= 1
#--- conditional assign in cond
x = 1 if (y = 2)
#--- assignment in ternary
x = true ? y = 1 : 2
#--- def with rescue modifier body
def f = 1 rescue 2
#--- def singleton with paren expr
def (Object.new).f; end
#--- def with default referencing method
def f(a = b, b = 1); end
#--- def keyword args with keyword names
def f(if:, class: 1); end
#--- undef keyword
undef if
#--- alias keyword
alias if unless
#--- alias symbols
alias :a :b
#--- alias op
alias + -
#--- not method
a.!
#--- unary on literals
[-1, +1, -1.5, +2r, -3i, ~1, !1]
#--- power negative
2 ** -1
#--- exponents chain
2 ** 3 ** 2
#--- negative literal method
-1.abs
#--- spaceship in cond
if a <=> b then end
#--- regexp with interpolation and options
/#{1}a/o
#--- regexp literal after keyword
if /a/ then end
#--- regexp after paren
p(/a/)
#--- division after number
1 / 2
#--- division after ident no space
x = 1; x/2
#--- division ambiguous
x = 1; x / 2
#--- divide after method call with space
foo / 2
#--- string continuation backslash
"a" \
"b"
#--- __END__ in string
"__END__"
#--- =begin indented is not comment
  =begin
#--- global with special chars
$stdout.puts $0, $:, $;
#--- gvar $-
$-0
#--- ivar in string
"#@a #$b #@@c"
#--- dstring with braces
"#{}"
#--- nested heredoc in interpolation
"#{<<~A}"
  x
A
#--- while with begin end modifier
begin end while false
#--- until modifier
1 until true
#--- loop with break value
x = loop do break 1 end
#--- for with trailing comma var
for a, in [[1]]; end
#--- for with splat
for *a in [[1]]; end
#--- defined? super/yield/@x/$x/::A
[defined?(@a), defined?($a), defined?(::A), defined?(A::B), defined?(a.b)]
#--- defined? no paren with ==
defined? a == b
#--- BEGIN after statement
p 1; BEGIN { }
#--- END block in class
class A; END { }; end
#--- ensure without begin at top
ensure
#--- then without if
then
#--- comment with =end
# =end
#--- multiple semicolons and newlines in params
def f(a,
      b); end
#--- newline after operator in args
foo(1 +
    2)
#--- hash with newline after label
foo(a:
    1)
#--- trailing comma in block params and args
foo(1,) { |a,| }
#--- ternary with symbols
x ? :a : :b
#--- ternary nested
a ? b ? 1 : 2 : 3
#--- ternary with method?
a ? b? : c
#--- safe nav assignment
a&.b = 1
#--- safe nav op asgn
a&.b += 1
#--- index with block
a[1] { }
#--- method with keyword as name call
self.class
#--- private def
private def f; end
#--- chained methods after block
[1].map { }.select { }.first
#--- call with do after parens
foo() do end
#--- command with splat and block arg
foo *a, &b
#--- command with hash and block arg
foo a: 1, &b
#--- command with double splat
foo **h
#--- return with hash
def f; return a: 1; end
#--- yield with hash
def f; yield a: 1; end
#--- super with kwargs
def f; super(a: 1); end
#--- numeric literals
[0b101, 0o17, 017, 0xff, 0d99, 1_000, 1e3, 1.5e-3, 1r, 1.5r, 2i, 1ri]
#--- float without leading digit
.5
#--- integer followed by dot method
1.abs
#--- range with step literal
(1..10).step(2)
#--- rescue with then
begin; rescue then; end
#--- rescue class list with splat
begin; rescue A, *B => e; end
#--- def rescue ensure only
def f; ensure; end
#--- class body rescue
class A; rescue; end
#--- module body ensure
module A; ensure; end
#--- method named like keyword via send
send(:class)
#--- call on keyword receiver
nil.to_a; true.&(false); self.x
#--- lonely operator method call
a.+ 1
#--- spaces before paren with args command
puts (1), 2
#--- p with space before parens and more
p (1).to_s
#--- p with space before parens and op
p (1) + 2
#--- method call with space and block
foo (1) do end
