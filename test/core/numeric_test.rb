# Numeric: the abstract methods used by user subclasses, and the coercion protocol
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
class Meters < Numeric
  attr_reader :v
  def initialize(v); @v = v; end
  def coerce(other); [Meters.new(other), self]; end
  def +(o); Meters.new(@v + (o.is_a?(Meters) ? o.v : o)); end
  def -(o); Meters.new(@v - (o.is_a?(Meters) ? o.v : o)); end
  def *(o); Meters.new(@v * (o.is_a?(Meters) ? o.v : o)); end
  def /(o); Meters.new(@v / (o.is_a?(Meters) ? o.v : o)); end
  def <=>(o); @v <=> (o.is_a?(Meters) ? o.v : o); end
  def <(o); (self <=> o) < 0; end
  def >(o); (self <=> o) > 0; end
  def ==(o); (self <=> o) == 0; end
  def to_f; @v.to_f; end
  def to_i; @v.to_i; end
  def inspect; "#<Meters #{@v}>"; end
end
class Plain < Numeric; end
t { 1 + Meters.new(2) }  # expect: #<Meters 3>
t { 10 - Meters.new(3) }  # expect: #<Meters 7>
t { 2 * Meters.new(5) }  # expect: #<Meters 10>
t { 1.5 + Meters.new(2) }  # expect: #<Meters 3.5>
t { (2**70) + Meters.new(1) }  # expect: #<Meters 1180591620717411303425>
t { 1 < Meters.new(2) }  # expect: true
t { 3 <=> Meters.new(2) }  # expect: 1
t { 1 == Meters.new(1) }  # expect: true
t { Meters.new(-3).abs }  # expect: #<Meters 3>
t { -Meters.new(3) }  # expect: #<Meters -3>
t { +Meters.new(3) }  # expect: #<Meters 3>
t { Meters.new(3).zero? }  # expect: false
t { Meters.new(0).nonzero? }  # expect: nil
t { Meters.new(3).positive? }  # expect: true
t { Meters.new(-3).negative? }  # expect: true
t { Meters.new(3).integer? }  # expect: false
t { Meters.new(3).real? }  # expect: true
t { Meters.new(3.7).floor }  # expect: 3
t { Meters.new(3.7).ceil }  # expect: 4
t { Meters.new(3.75).round(1) }  # expect: 3.8
t { Meters.new(3.7).truncate }  # expect: 3
t { Meters.new(3).to_int }  # expect: 3
t { Meters.new(7).div(2) }  # expect: 3
t { Meters.new(7).fdiv(2) }  # expect: 3.5
t { Meters.new(7).divmod(2) }  # expect: [3, #<Meters 1>]
t { Meters.new(7).step(Meters.new(9)).to_a.size }  # expect: 3
t { Plain.new.abs }  # expect: ArgumentError: comparison of Plain with 0 failed
t { m = Plain.new; (m <=> m) }  # expect: 0
t { Plain.new <=> Plain.new }  # expect: nil
t { Plain.new.coerce(1) }  # expect: TypeError: can't convert Plain into Float
t { Plain.new.coerce(Plain.new).size }  # expect: 2
t { Plain.new.positive? }  # expect: ArgumentError: comparison of Plain with 0 failed
t { Plain.new.integer? }  # expect: false
t { Plain.new.finite? }  # expect: true
t { Plain.new.infinite? }  # expect: nil
t { Plain.new.dup.class }  # expect: Plain
t { x = Plain.new; x.clone.equal?(x) }  # expect: true
t { 1.clone(freeze: false) }  # expect: ArgumentError: can't unfreeze Integer
t { 1.dup }  # expect: 1
t { 1 + "a" }  # expect: TypeError: String can't be coerced into Integer
t { 1 + nil }  # expect: TypeError: nil can't be coerced into Integer
t { 1 + :a }  # expect: TypeError: :a can't be coerced into Integer
t { 1 + true }  # expect: TypeError: true can't be coerced into Integer
t { 1 < "a" }  # expect: ArgumentError: comparison of Integer with String failed
t { 1.0 < nil }  # expect: ArgumentError: comparison of Float with nil failed
t { 1 <=> "a" }  # expect: nil
t { 1 == "a" }  # expect: false
t { (2**70) + "a" }  # expect: TypeError: String can't be coerced into Integer
t { 1.0 + "a" }  # expect: TypeError: String can't be coerced into Float
t { 1.quo(2) }  # expect: (1/2)
t { 1.quo(2.0) }  # expect: 0.5
t { 1.5.quo(2) }  # expect: 0.75
t { 1.quo(0) }  # expect: ZeroDivisionError: divided by 0
t { 1.i }  # expect: (0+1i)
t { 1.to_c }  # expect: (1+0i)
t { 1.polar }  # expect: [1, 0]
t { -1.arg }  # expect: 3.141592653589793
t { 1.rect }  # expect: [1, 0]
t { 1.abs2 }  # expect: 1
t { 1.imag }  # expect: 0
t { 0.nonzero? }  # expect: nil
t { 1.0.numerator }  # expect: 1
t { Integer === 3 }  # expect: true
t { Numeric === 3.5 }  # expect: true
t { 3.is_a?(Comparable) }  # expect: true
t { 3.clamp(1, 2) }  # expect: 2
t { 3.between?(1, 5) }  # expect: true
t { Integer.respond_to?(:new) }  # expect: false
t { Float.respond_to?(:new) }  # expect: false
