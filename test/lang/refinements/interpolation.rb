# Interpolation calls to_s with the refinements active where it is written,
# as CRuby 3.1 does; outside their scope, and for Strings, nothing changes
class Point
  def initialize(x) = @x = x
  def to_s = "P(#{@x})"
end
def plain(v) = "<#{v}>"
module Loud
  refine Integer do
    def to_s(*) = "int!"
  end
  refine Point do
    def to_s = "refined #{super}"
  end
  refine NilClass do
    def to_s = "nothing"
  end
  refine Symbol do
    def to_s = "sym!"
  end
end
module Odd
  refine Float do
    def to_s = 42
  end
end
using Loud
p "#{1} #{Point.new(2)} #{nil} #{:a}"
p :"k#{3}", /a#{4}b/.source
p plain(5), plain(Point.new(6))
p "#{'str'}", 7.to_s, "#{7}x"
using Odd
s = "#{1.5}"
p s.start_with?("#<Float"), s.end_with?(">")
# expect: "int! refined P(2) nothing sym!"
# expect: :kint!
# expect: "aint!b"
# expect: "<5>"
# expect: "<P(6)>"
# expect: "str"
# expect: "int!"
# expect: "int!x"
# expect: true
# expect: true
