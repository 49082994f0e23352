# everyday Numeric behaviour of BigDecimal: dup/clone, Comparable, Kernel conversions, format, sum, step
require 'bigdecimal'
require 'bigdecimal/util'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
x = BigDecimal("1.5")
t 'x.dup.equal?(x)'
t 'x.clone.equal?(x)'
t 'x.clone(freeze: false)'
t 'x.instance_variable_set(:@a, 1)'
t 'x.integer?'
t 'x.real?'
t 'x.real'
t 'x.imaginary'
t 'x.to_c'
t 'x.step(BigDecimal("2.5"), BigDecimal("0.5")).to_a'
t '(BigDecimal("1")..BigDecimal("3")).step(BigDecimal("0.5")).to_a rescue $!.class'
t 'x.fdiv(2)'
t 'x.quo(2)'
t 'x.nonzero?.equal?(x)'
t 'x.zero?'
t 'x.abs2 rescue $!.class'
t 'x.conj'
t 'x.arg'
t '[x, 1, 2.5, Rational(1, 3)].sum'
t '[x, 1, 2.5].max'
t '[x, BigDecimal("-1")].minmax'
t 'x.coerce(Rational(1, 3))'
t 'Rational(1, 3) + x'
t 'Rational(1, 3) <=> x'
t '2.5 <=> x'
t '2**70 + x'
t '(2**70) <=> x'
t 'x.divmod(0.5)'
t 'x.to_s.frozen?'
t 'x.hash.is_a?(Integer)'
t 'format("%.3f", x)'
t 'format("%s", x)'
t 'format("%d", x)'
t 'Integer(x)'
t 'Float(x)'
t 'Rational(x)'
t 'Complex(x, 1)'
t 'x.round.class'
t 'x.floor(1).class'
t 'x.methods.include?(:precs)'
t 'BigDecimal.instance_method(:to_d).owner'
t 'x.to_digits'
t 'BigDecimal("-1.5").truncate.class'
t '1.5.to_d + 1'
t 'x.respond_to?(:to_str)'
t 'x.succ rescue $!.class'
t 'x.eql?(1.5)'
t 'x.equal?(BigDecimal("1.5"))'
t 'x.frozen? && BigDecimal("NaN").frozen?'
t 'Marshal.load(Marshal.dump(x)).equal?(x)'
t 'BigDecimal.respond_to?(:new)'
t 'BigDecimal.respond_to?(:allocate)'
t 'Math.sqrt(x)'
t 'Math.log(BigDecimal("100"), 10)'
t 'x.to_i.class'
t 'x.ceil(-1)'
t '(x * 2).to_i'
t 'x.sign'
t 'x.exponent'
t 'x.precision_scale'
# expect: x.dup.equal?(x) => NameError: undefined local variable or method `x' for main:Object
# expect: x.clone.equal?(x) => NameError: undefined local variable or method `x' for main:Object
# expect: x.clone(freeze: false) => NameError: undefined local variable or method `x' for main:Object
# expect: x.instance_variable_set(:@a, 1) => NameError: undefined local variable or method `x' for main:Object
# expect: x.integer? => NameError: undefined local variable or method `x' for main:Object
# expect: x.real? => NameError: undefined local variable or method `x' for main:Object
# expect: x.real => NameError: undefined local variable or method `x' for main:Object
# expect: x.imaginary => NameError: undefined local variable or method `x' for main:Object
# expect: x.to_c => NameError: undefined local variable or method `x' for main:Object
# expect: x.step(BigDecimal("2.5"), BigDecimal("0.5")).to_a => NameError: undefined local variable or method `x' for main:Object
# expect: (BigDecimal("1")..BigDecimal("3")).step(BigDecimal("0.5")).to_a rescue $!.class => [0.1e1, 0.15e1, 0.2e1, 0.25e1, 0.3e1]
# expect: x.fdiv(2) => NameError: undefined local variable or method `x' for main:Object
# expect: x.quo(2) => NameError: undefined local variable or method `x' for main:Object
# expect: x.nonzero?.equal?(x) => NameError: undefined local variable or method `x' for main:Object
# expect: x.zero? => NameError: undefined local variable or method `x' for main:Object
# expect: x.abs2 rescue $!.class => NameError
# expect: x.conj => NameError: undefined local variable or method `x' for main:Object
# expect: x.arg => NameError: undefined local variable or method `x' for main:Object
# expect: [x, 1, 2.5, Rational(1, 3)].sum => NameError: undefined local variable or method `x' for main:Object
# expect: [x, 1, 2.5].max => NameError: undefined local variable or method `x' for main:Object
# expect: [x, BigDecimal("-1")].minmax => NameError: undefined local variable or method `x' for main:Object
# expect: x.coerce(Rational(1, 3)) => NameError: undefined local variable or method `x' for main:Object
# expect: Rational(1, 3) + x => NameError: undefined local variable or method `x' for main:Object
# expect: Rational(1, 3) <=> x => NameError: undefined local variable or method `x' for main:Object
# expect: 2.5 <=> x => NameError: undefined local variable or method `x' for main:Object
# expect: 2**70 + x => NameError: undefined local variable or method `x' for main:Object
# expect: (2**70) <=> x => NameError: undefined local variable or method `x' for main:Object
# expect: x.divmod(0.5) => NameError: undefined local variable or method `x' for main:Object
# expect: x.to_s.frozen? => NameError: undefined local variable or method `x' for main:Object
# expect: x.hash.is_a?(Integer) => NameError: undefined local variable or method `x' for main:Object
# expect: format("%.3f", x) => NameError: undefined local variable or method `x' for main:Object
# expect: format("%s", x) => NameError: undefined local variable or method `x' for main:Object
# expect: format("%d", x) => NameError: undefined local variable or method `x' for main:Object
# expect: Integer(x) => NameError: undefined local variable or method `x' for main:Object
# expect: Float(x) => NameError: undefined local variable or method `x' for main:Object
# expect: Rational(x) => NameError: undefined local variable or method `x' for main:Object
# expect: Complex(x, 1) => NameError: undefined local variable or method `x' for main:Object
# expect: x.round.class => NameError: undefined local variable or method `x' for main:Object
# expect: x.floor(1).class => NameError: undefined local variable or method `x' for main:Object
# expect: x.methods.include?(:precs) => NameError: undefined local variable or method `x' for main:Object
# expect: BigDecimal.instance_method(:to_d).owner => BigDecimal
# expect: x.to_digits => NameError: undefined local variable or method `x' for main:Object
# expect: BigDecimal("-1.5").truncate.class => Integer
# expect: 1.5.to_d + 1 => 0.25e1
# expect: x.respond_to?(:to_str) => NameError: undefined local variable or method `x' for main:Object
# expect: x.succ rescue $!.class => NameError
# expect: x.eql?(1.5) => NameError: undefined local variable or method `x' for main:Object
# expect: x.equal?(BigDecimal("1.5")) => NameError: undefined local variable or method `x' for main:Object
# expect: x.frozen? && BigDecimal("NaN").frozen? => NameError: undefined local variable or method `x' for main:Object
# expect: Marshal.load(Marshal.dump(x)).equal?(x) => NameError: undefined local variable or method `x' for main:Object
# expect: BigDecimal.respond_to?(:new) => false
# expect: BigDecimal.respond_to?(:allocate) => true
# expect: Math.sqrt(x) => NameError: undefined local variable or method `x' for main:Object
# expect: Math.log(BigDecimal("100"), 10) => 2.0
# expect: x.to_i.class => NameError: undefined local variable or method `x' for main:Object
# expect: x.ceil(-1) => NameError: undefined local variable or method `x' for main:Object
# expect: (x * 2).to_i => NameError: undefined local variable or method `x' for main:Object
# expect: x.sign => NameError: undefined local variable or method `x' for main:Object
# expect: x.exponent => NameError: undefined local variable or method `x' for main:Object
# expect: x.precision_scale => NameError: undefined local variable or method `x' for main:Object
