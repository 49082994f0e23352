require_relative 'h'
# Range#step and % with Floats and Rationals, Comparable#clamp, Array#max(n),
# min(n), minmax and sum over mixed numerics
ranges = %w[(1..2) (1...2) (0.5..2) (1r/3..2) (1..2r) (0..) (-1.5..1.5) (1.0...1.0) (2..1) (1..1)]
steps = %w[0.5 1r/3 0.1 1 2 0.7r 1e-1 -0.5 0 0.0 3r/2]
ranges.each do |r|
  steps.each do |s|
    t "#{r}.step(#{s}).first(7)"; t "#{r}.step(#{s}).size"; t "(#{r} % #{s}).first(4)"; t "#{r}.step(#{s}).class"
    next if r == '(0..)' || s =~ /\A-?0(\.0)?\z/    # these would run forever
    t "#{r}.step(#{s}).include?(1.5)"; t "#{r}.step(#{s}).to_a.last(2)"
  end
  t "#{r}.size"
  next if r == '(0..)'
  t "#{r}.sum"; t "#{r}.minmax"; t "#{r}.count"
end
t "1.step(2, 0.1).to_a.size"; t "1.0.step(2.0, 0.1).to_a.last"; t "(1.0..2.0).step(0.1).to_a.last"; t "1.step(by: 1r/3, to: 2).to_a"; t "(1r..2r).step(1r/3).to_a"
t "1.step(3, 0.5).map { |x| x.class }"; t "(1..3).step(0.5).map(&:class)"; t "0.1.step(0.5, 0.1).to_a"; t "(0.1..0.5).step(0.1).to_a"
vals = %w[5 5.5 -1 0 10 1r/2 2**70 Float::NAN Float::INFINITY]
vals.each do |v|
  ['0, 3', '1.5, 2.5', '1r/3, 2', '-2..0', '1..', '..3', '0...3', '3, 1', 'nil, 2', '1..0'].each { |a| t "(#{v}).clamp(#{a})" }
  t "'b'.clamp('a', 'c')"
end
arrays = ['[1, 2.5, 3r/2, 2**70, -1]', '[0.1, 0.2, 0.3]', '[1, 2, 3]', '[]', '[1.0, 1, 1r]', '[3, Float::NAN, 1]', '[1e100, 1.0, -1e100]', '[2**64, 0.5, 1r/3]', '[Float::INFINITY, -Float::INFINITY]', '[1, Complex(1, 2)]']
arrays.each do |a|
  [0, 1, 2, 5, 2**62, -1, 1.5].each { |n| t "#{a}.max(#{n})"; t "#{a}.min(#{n})" }
  t "#{a}.sum"; t "#{a}.sum(0.0)"; t "#{a}.sum(1r)"; t "#{a}.minmax"; t "#{a}.max"; t "#{a}.min"; t "#{a}.sort"; t "#{a}.sum { |x| x * 2 }"
  t "#{a}.each_slice(2).sum([])"; t "#{a}.max_by(2) { |x| x.real? ? -x.abs : 0 }"; t "#{a}.min_by(1) { |x| x.to_f }"
end
t "[1, 2].max(2**62)"; t "[1, 2].min(2**64)"; t "[1, 2].max_by(2**62) { |x| x }"; t "(1..10).max(2**62)"; t "(1..10).min(3)"; t "(1..Float::INFINITY).first(2)"; t "[0.1]*10 == [0.1]*10"; t "([0.1]*10).sum"; t "([0.1]*10).inject(:+)"
