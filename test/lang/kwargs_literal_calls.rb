# Calls with literal keywords (passed without a Hash when the callee is a Ruby
# method with keywords and no **rest): every shape of callee and every error
# reads as CRuby's.
def kw(a:, b: 2) = [a, b]
def kwpos(x, y = :y, *r, a:, b: a + 1) = [x, y, r, a, b]
def kwonly(a: 1) = a
def rest(**o) = o
def plain(h) = h
def opt_h(h = {}) = h
p kw(a: 1), kw(b: 3, a: 4), kwpos(1, a: 5), kwpos(1, 2, 3, 4, a: 5, b: 6), kwonly, kwonly(a: 9)
p rest(a: 1, b: 2), plain(a: 1), opt_h(a: 1)
a = 10
b = 20
p kw(a:, b:)
def tries = yield
p((tries { kw(b: 1) } rescue $!.message))
p((kw(a: 1, c: 2) rescue $!.message))
p((kw(a: 1, c: 2, d: 3) rescue $!.message))
p((kwpos(a: 1) rescue $!.message))
p((kwpos(b: 1) rescue $!.message))
p((kwonly(1, a: 2) rescue $!.message))
class K
  def initialize(x:, y: 0) = (@v = [x, y])
  attr_reader :v
  def pub(k:) = priv(k: k)
  def prot_call(o) = o.prot(k: 3)
  def method_missing(name, *args, **kw) = [:mm, name, args, kw]
  def respond_to_missing?(*) = true
  private def priv(k:) = [:priv, k]
  protected def prot(k:) = [:prot, k]
  define_method(:dm) { |k:, j: 1| [:dm, k, j] }
end
o = K.new(x: 1)
p o.v, K.new(y: 2, x: 3).v, o.pub(k: 1), o.prot_call(K.new(x: 0)), o.dm(k: 2), o.nothing(z: 1)
p((o.priv(k: 1) rescue $!.class), (o.prot(k: 1) rescue $!.class))
p o.send(:priv, k: 5), o.public_send(:pub, k: 6), o.method(:pub).call(k: 7)
class Sup; def m(a:, b: 1) = [:sup, a, b]; end
class Sub < Sup
  def m(a:, b: 2) = [super, super(a: a + 1), super(b: 9, a: 0)]
end
p Sub.new.m(a: 1)
p [1, 2].each_slice(1).map { |x| kw(a: x) }
p Struct.new(:q, :r, keyword_init: true).new(q: 1, r: 2).to_a
p Hash.new.merge!(x: 1), [3, 1].sort_by { |x| kw(a: x)[0] }, format("%<x>d", x: 4)
h = { a: 7 }
p kw(**h), kw(**h, b: 8)
def kwnil(**nil) = :none
p kwnil, (kwnil(a: 1) rescue $!.message)
module Refine
  refine(Integer) { def kwr(k:) = [:refined, self, k] }
end
using Refine
p 5.kwr(k: 1)
def deep(a:, b: a * 2, c: b + a) = [a, b, c]
p deep(a: 1), deep(a: 1, c: 0)
def k2(x, a:, c:) = 1
p((k2(a: 1) rescue $!.message))
def kw3(name:, age:, z: 1) = nil
p((kw3(name: 1) rescue $!.message), (kw3(age: 1, q: 2) rescue $!.message), (kw3(q: 1) rescue $!.message))
# expect: [1, 2]
# expect: [4, 3]
# expect: [1, :y, [], 5, 6]
# expect: [1, 2, [3, 4], 5, 6]
# expect: 1
# expect: 9
# expect: {:a=>1, :b=>2}
# expect: {:a=>1}
# expect: {:a=>1}
# expect: [10, 20]
# expect: "missing keyword: :a"
# expect: "unknown keyword: :c"
# expect: "unknown keywords: :c, :d"
# expect: "wrong number of arguments (given 0, expected 1+; required keyword: a)"
# expect: "wrong number of arguments (given 0, expected 1+; required keyword: a)"
# expect: "wrong number of arguments (given 1, expected 0)"
# expect: [1, 0]
# expect: [3, 2]
# expect: [:priv, 1]
# expect: [:prot, 3]
# expect: [:dm, 2, 1]
# expect: [:mm, :nothing, [], {:z=>1}]
# expect: [:mm, :priv, [], {:k=>1}]
# expect: [:mm, :prot, [], {:k=>1}]
# expect: [:priv, 5]
# expect: [:priv, 6]
# expect: [:priv, 7]
# expect: [[:sup, 1, 2], [:sup, 2, 1], [:sup, 0, 9]]
# expect: [[[1], 2], [[2], 2]]
# expect: [1, 2]
# expect: {:x=>1}
# expect: [1, 3]
# expect: "4"
# expect: [7, 2]
# expect: [7, 8]
# expect: :none
# expect: "no keywords accepted"
# expect: [:refined, 5, 1]
# expect: [1, 2, 3]
# expect: [1, 2, 0]
# expect: "wrong number of arguments (given 0, expected 1; required keywords: a, c)"
# expect: "missing keyword: :age"
# expect: "missing keyword: :name"
# expect: "missing keywords: :name, :age"
