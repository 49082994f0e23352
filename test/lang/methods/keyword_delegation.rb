# Keyword arguments delegated through method_missing with ruby2_keywords,
# SimpleDelegator and ... forwarding reach a method with keyword parameters.
def target(a, k: 0, &b) = [a, k, b&.call]
ruby2_keywords def m(*args, &b) = target(*args, &b)
p m(1, k: 2) { 3 }
p m(1)
class Proxy
  def initialize(o) = @o = o
  ruby2_keywords def method_missing(name, *args, &blk)
    @o.send(name, *args, &blk)
  end
  def respond_to_missing?(n, p = false) = true
end
class T
  def kw(a, b: 1) = [a, b]
  def opt(a, h = {}) = [a, h]
end
p Proxy.new(T.new).kw(5, b: 9)
p Proxy.new(T.new).opt(5, x: 9)
require "delegate"
class D < SimpleDelegator; end
p D.new(T.new).kw(7, b: 8)
p D.new(T.new).kw(7)
p D.new(T.new).opt(7, y: 1)
def fwd(...) = target(...)
p fwd(1, k: 4) { 5 }
def fwd2(...) = Proxy.new(T.new).kw(...)
p fwd2(2, b: 3)
# expect: [1, 2, 3]
# expect: [1, 0, nil]
# expect: [5, 9]
# expect: [5, {:x=>9}]
# expect: [7, 8]
# expect: [7, 1]
# expect: [7, {:y=>1}]
# expect: [1, 4, 5]
# expect: [2, 3]
