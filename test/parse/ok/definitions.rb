def sq(x) = x * x
def self.foo; end
def obj.bar(a) end
def ==(o); end
def <=>(o); end
def [](i); end
def []=(i, v); end
def +@; end
def -@; end
def !; end
def foo=(v); end
def fw(...) = g(...)
def an(*, **, &) = g(&)
def all(a, b = a, *r, c, k:, j: k, **kw, &blk)
  yield a
rescue => e
  retry
ensure
  super
end
class Foo < Bar; end
class A::B; end
class << self; end
module M; end
alias new old
alias :n2 :o2
alias $a $b
undef a, :b
BEGIN { p 1 }
END { p 2 }
