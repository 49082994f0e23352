# Enumerable and Range edge cases against CRuby 3.1: selection sizes of max(n) and min_by(n), ArithmeticSequence#inspect and beginless sequences, Range#max of an excluded end (array_ops.c, enum.c, arith_seq.c, range.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# max(n), min(n), max_by(n), min_by(n) refuse what CRuby's selection buffer cannot hold
t { [1, 2].max(2**62) }  # expect: ArgumentError: too big size
t { [1, 2].min(2**61) }  # expect: ArgumentError: too big size
t { [1, 2].max(2**58) }  # expect: ArgumentError: array size too big
t { [1, 2].max_by(2**60) { _1 } }  # expect: ArgumentError: too big size
t { [1, 2].min_by(2**57) { _1 } }  # expect: ArgumentError: array size too big
t { (1..3).max(2**62) }  # expect: ArgumentError: too big size
t { [1, 2].max(0) }  # expect: []
# an arithmetic sequence shows its receiver by to_s
t { ((1r/3)..2) % 1 }  # expect: ((1/3..2).%(1))
t { (1r/3).step(1, 1r/3) }  # expect: (1/3.step(1, (1/3)))
t { ((1r/3)...2).step(1r/2) }  # expect: ((1/3...2).step((1/2)))
# Range#max checks an excluded end's type before an empty range answers nil
t { (1.0...1.0).minmax }  # expect: TypeError: cannot exclude non Integer end value
t { (1.0...1.0).max }  # expect: TypeError: cannot exclude non Integer end value
t { (1...1).max }  # expect: nil
t { (1.0..1.0).minmax }  # expect: [1.0, 1.0]
# a beginless sequence: first is its begin, a Float one fails in its conversion to a double
t { (..5).step(0.5).first }  # expect: nil
t { (..5).step(0.5).first(3) }  # expect: TypeError: no implicit conversion to float from nil
t { (..5).step(1).first(3) }  # expect: TypeError: nil can't be coerced into Integer
t { (..5.0).step(1).size }  # expect: TypeError: no implicit conversion to float from nil
t { (..5).step(0.5).last }  # expect: TypeError: nil can't be coerced into Integer
t { (..5).step(0.5).include?(1) }  # expect: TypeError: no implicit conversion to float from nil
