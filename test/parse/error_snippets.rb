#--- def f; 1 2; end
def f; 1 2; end
#--- class A; 1 2; end
class A; 1 2; end
#--- module A; 1 2; end
module A; 1 2; end
#--- if x; 1 2; end
if x; 1 2; end
#--- while x; 1 2; end
while x; 1 2; end
#--- begin; 1 2; end
begin; 1 2; end
#--- [1].each do 1 2 end
[1].each do 1 2 end
#--- case x; when 1; 1 2; end
case x; when 1; 1 2; end
#--- def f; 1; rescue; 1 2; end
def f; 1; rescue; 1 2; end
#--- x = 1; }
x = 1; }
#--- }
}
#--- x; )
x; )
#--- if x; 1; else; 1 2; end
if x; 1; else; 1 2; end
#--- unless x; 1 2; end
unless x; 1 2; end
#--- def f
def f
#--- class A
class A
#--- if x
if x
#--- while x
while x
#--- begin
begin
#--- case x
case x
#--- case x; when 1
case x; when 1
#--- [1].each do
[1].each do
#--- [1].each {
[1].each {
#--- foo(
foo(
#--- x = [
x = [
#--- x = {
x = {
#--- (
(
#--- x = (
x = (
#--- [1].each { |x|
[1].each { |x|
#--- [1].each { 1
[1].each { 1
#--- (1
(1
#--- (1 2)
(1 2)
#--- x = {a: 1
x = {a: 1
#--- x = {a:
x = {a:
#--- not
not
#--- not 1 2
not 1 2
#--- class A; def f; 1 2; end; end
class A; def f; 1 2; end; end
#--- 1 2
1 2
#--- x = 1 2
x = 1 2
#--- foo 1 2
foo 1 2
#--- p(1 2)
p(1 2)
#--- def f(a b); end
def f(a b); end
#--- x.y 1 2
x.y 1 2
#--- a = b c d e
a = b c d e
#--- 1 +
1 +
#--- x =
x =
#--- if
if
#--- def
def
#--- foo.
foo.
#--- A::
A::
#--- ->(
->(
#--- case x; in
case x; in
#--- x ? 1
x ? 1
#--- x ? 1 :
x ? 1 :
#--- [1, 2
[1, 2
#--- {a: 1
{a: 1
#--- foo(a: 1
foo(a: 1
#--- def f(a, b
def f(a, b
#--- def f(a:
def f(a:
#--- x = y z, w
x = y z, w
#--- p 1,
p 1,
#--- alias
alias
#--- undef
undef
#--- x &&
x &&
#--- def f; end; end
def f; end; end
#--- end end
end end
#--- end
end
#---   end
  end
#--- end x
end x
#--- x = 1; end
x = 1; end
#--- foo(1 2)
foo(1 2)
#--- foo(1 2
foo(1 2
#--- foo(1, 2, 3
foo(1, 2, 3
#--- def x
def x
  foo(1, 2)
#--- x = [1, 2
x = [1, 2
y = 3
#--- x = [1, 2
x = [1, 2
y 3
#--- aaaaaaaaaa + bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(1 2) + cccccccccccccccccccccccccccccccccccccccccccccccccccccc
aaaaaaaaaa + bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(1 2) + cccccccccccccccccccccccccccccccccccccccccccccccccccccc
#--- foo(1 2) + cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
foo(1 2) + cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
#--- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + foo(1 2)
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + foo(1 2)
#--- 	foo(1 2)
	foo(1 2)
#--- x = "abc
x = "abc
#--- x = 1 +
x = 1 +

#--- def f
def f
  if x
    1
  end
#--- foo(1,
foo(1,
   2 3)
#--- p(1 ,, 2)
p(1 ,, 2)
#--- é = foo(1 2)
é = foo(1 2)
#--- bar 1, foo 2
bar 1, foo 2
#--- bar(1, foo 2)
bar(1, foo 2)
#--- foo a: bar 1
foo a: bar 1
#--- case x; when foo 1; end
case x; when foo 1; end
#--- defined? foo 1
defined? foo 1
#--- x = [1, foo 2]
x = [1, foo 2]
#--- foo(*bar 1)
foo(*bar 1)
#--- x = !foo 1
x = !foo 1
#--- x = not 1
x = not 1
#--- foo x, &bar 1
foo x, &bar 1
#--- a, b = 1, c.d 2
a, b = 1, c.d 2
#--- a = 1, foo 2
a = 1, foo 2
#--- a = *foo 1
a = *foo 1
#--- x = 1 rescue foo 2
x = 1 rescue foo 2
#--- def f(a = foo 1); end
def f(a = foo 1); end
#--- ->(a = foo 1) {}
->(a = foo 1) {}
#--- x ? 1 : foo 2
x ? 1 : foo 2
#--- p 1 in Integer
p 1 in Integer
#--- p(x in y)
p(x in y)
#--- 1 in foo 2
1 in foo 2
#--- a && b 1
a && b 1
#--- class A; [1].each { return }; end
class A; [1].each { return }; end
#--- def f; [1].each { class A; end }; end
def f; [1].each { class A; end }; end
#--- if true; BEGIN {}; end
if true; BEGIN {}; end
#--- class A; BEGIN {}; end
class A; BEGIN {}; end
#--- [1].each { [2].each { _1 }; _1 }
[1].each { [2].each { _1 }; _1 }
#--- proc { |*a, b = 1| }
proc { |*a, b = 1| }
#--- def f *a, b = 1; end
def f *a, b = 1; end
#--- def f(**k, a); end
def f(**k, a); end
#--- def f(&b, a); end
def f(&b, a); end
#--- def f(a:, b); end
def f(a:, b); end
#--- g(...)
g(...)
#--- class A; return 1; end
class A; return 1; end
#--- module A; if x; return; end; end
module A; if x; return; end; end
#--- begin; 1; else; 2; end
begin; 1; else; 2; end
#--- def f; 1; else; 2; end
def f; 1; else; 2; end
#--- x = 1 ==
x = 1 ==
  2 == 3
#--- case 1; in {a: 1, "a": 2}; end
case 1; in {a: 1, "a": 2}; end
#--- case 1; in [a, {a:}]; end
case 1; in [a, {a:}]; end
#--- case 1; in [a] | [a]; end
case 1; in [a] | [a]; end
#--- def self.f=(x) = 1
def self.f=(x) = 1
#--- def f; def g; class A; end; end; end
def f; def g; class A; end; end; end
#--- def f(1); end
def f(1); end
#--- proc { |1| }
proc { |1| }
#--- proc { |a, 1| }
proc { |a, 1| }
#--- def f 1; end
def f 1; end
#--- def f(a, ); end
def f(a, ); end
#--- x = 1 +
x = 1 +
  * 2
#--- foo(&b, 1)
foo(&b, 1)
#--- a.b = 1 2
a.b = 1 2
#--- "#{1 2}"
"#{1 2}"
#--- x = <<~E
x = <<~E
  a
E
y = 1 2
#--- %w[a b
%w[a b
#--- :"abc
:"abc
#--- 'abc
'abc
#--- `abc
`abc
#--- ?
?
#--- @
@
#--- $
$
#--- 1.2.3
1.2.3
#--- 0b2
0b2
#--- 0o8
0o8
#--- 1e
1e
#--- def f(x) = x x
def f(x) = x x
#--- ->(x) { x x }
->(x) { x x }
#--- x.each do |a b| end
x.each do |a b| end
#--- @a = 1 2
@a = 1 2
#--- A = 1 2
A = 1 2
#--- $a = 1 2
$a = 1 2
#--- @@a = 1 2
@@a = 1 2
#--- foo::Bar = 1 2
foo::Bar = 1 2
#--- x[1 2]
x[1 2]
#--- x[1] = 2 3
x[1] = 2 3
#--- x.y += 1 2
x.y += 1 2
#--- x ||= 1 2
x ||= 1 2
#--- unicode escapes bad
"\uD800"
#--- unicode escape bad brace
"\u{zz}"
#--- x = return
x = return
#--- 1 + return
1 + return
#--- foo(return)
foo(return)
#--- x = (return)
x = (return)
#--- if return; end
if return; end
#--- !return
!return
#--- x = redo
x = redo
#--- x = begin; return; end
x = begin; return; end
#--- foo(next 1)
foo(next 1)
#--- x = (return; 1)
x = (return; 1)
#--- a && return
a && return
#--- x += return
x += return
#--- p return 1
p return 1
#--- ..p 1
..p 1
#--- ::Foo(1)
::Foo(1)
#--- ::foo
::foo
#--- foo(a: 1, 2)
foo(a: 1, 2)
#--- [a: 1, 2]
[a: 1, 2]
#--- foo(a: 1, *b)
foo(a: 1, *b)
#--- foo a: 1, 2
foo a: 1, 2
#--- foo(1, a: 2, **h, &b)
foo(1, a: 2, **h, &b)
#--- [1, a: 2, "b" => 3]
[1, a: 2, "b" => 3]
#--- foo(x = bar 1)
foo(x = bar 1)
#--- x = ...
x = ...
#--- ...
...
#--- p(..)
p(..)
#--- x = y = foo 1
x = y = foo 1
#--- case 1; in 1..Foo; end
case 1; in 1..Foo; end
#--- case 1; in Foo..; end
case 1; in Foo..; end
#--- case 1; in ..Foo; end
case 1; in ..Foo; end
#--- p r = escue 1
p r = escue 1
#--- x = y = !foo 1
x = y = !foo 1
#--- r = 5 in.. String
r = 5 in.. String
#--- def f(...); g ...; end
def f(...); g ...; end
#--- p (1; 2)
p (1; 2)
#--- p ()
p ()
#--- p (1).to_s
p (1).to_s
#--- class Foo bar; end
class Foo bar; end
#--- class Foo < Bar baz; end
class Foo < Bar baz; end
#--- module Foo bar; end
module Foo bar; end
#--- def f(&) = g(&)
def f(&) = g(&)
#--- def f = g(&)
def f = g(&)
#--- def f(&b) = g(&)
def f(&b) = g(&)
#--- def f(&); [1].each { g(&) }; end
def f(&); [1].each { g(&) }; end
#--- 1 + yield 2
1 + yield 2
#--- x = [yield 1]
x = [yield 1]
#--- a && return 1
a && return 1
#--- p super 1
p super 1
#--- spaced paren holds one statement
p (1
2)
#--- x = def f = puts 1
x = def f = puts 1
#--- p def f = puts 1
p def f = puts 1
#--- private def f = puts 1
private def f = puts 1
#--- return.foo
return.foo
#--- x = return&.foo
x = return&.foo
#--- next.a
next.a
#--- bad regexp literal
x = /(unclosed/
#--- good regexp literal
x = /a(b)c/i
#--- bad regexp close paren
/a)/
#--- a.b :c{ }
a.b :c{ }
#--- a.b 1{ }
a.b 1{ }
#--- foo 1 {}
foo 1 {}
#--- foo "a" { }
foo "a" { }
#--- foo [1] { }
foo [1] { }
#--- foo (1) { }
foo (1) { }
#--- foo a, b { }
foo a, b { }
#--- module Gem::r; end
module Gem::r; end
#--- module Gem::r::M; end
module Gem::r::M; end
#--- class a::B; end
class a::B; end
#--- class foo; end
class foo; end
#--- class a::b; end
class a::b; end
#--- k if a === b or next
k if a === b or next
#--- x = 1 if a and return
x = 1 if a and return
