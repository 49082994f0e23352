require_relative 'h'
# Integer and Float methods with edge arguments: pow with a modulus, digits,
# bit_length, shifts and bit reference, Integer.sqrt, division signs, Float
# rounding with digits, to_s(base), next/prev_float
ints = %w[0 1 -1 2 -2 3 10 -10 97 255 -256 2**31 -(2**31) 2**62-1 -(2**62) 2**63 -(2**63) 2**64+1 10**30 -(10**30)+7 3**100]
mods = %w[1 -1 2 -2 7 -7 97 2**64+13 -(2**64+13) 10**20 0]
ints.each do |i|
  mods.each { |m| t "(#{i}).pow(3, #{m})"; t "(#{i}).pow(0, #{m})"; t "(#{i}).pow(2**70+3, #{m})" }
  t "(#{i}).pow(-1, 7)"; t "(#{i}).pow(1.5, 7)"; t "(#{i}).pow(2, 7.0)"; t "(#{i}).pow(2, 7r)"; t "(#{i}).pow(2, nil)"
  [2, 3, 7, 10, 16, 36, 256, 2**64, 0, 1, -1, 2.5].each { |b| t "(#{i}).digits(#{b})" }
  %w[bit_length size.class even? odd? zero? pred succ ord -@ ~ abs magnitude integer?].each { |m| t "(#{i}).#{m}" }
  [0, 1, 63, 64, 65, -1, -64, 2**70, -(2**70)].each { |s| t "(#{i}) << (#{s})"; t "(#{i}) >> (#{s})"; t "(#{i})[#{s}]" }
  ['0..3', '2..', '..4', '1...1', '-1..2', '60..70', '3, 4', '0, 0', '1, -1'].each { |r| t "(#{i})[#{r}]" }
  t "Integer.sqrt(#{i})"
  [3, -3, 2**65, -(2**65), 1.5, -1.5, 0.0, -0.0].each { |o| %w[div modulo remainder divmod fdiv].each { |m| t "(#{i}).#{m}(#{o})" } }
  [2, 8, 16, 36].each { |b| t "(#{i}).to_s(#{b})"; t "(#{i}).inspect" }
  [-1, -2, -5, -10, -31, -40].each { |d| t "(#{i}).round(#{d}, half: :even)"; t "(#{i}).floor(#{d})"; t "(#{i}).ceil(#{d})" }
end
floats = %w[0.1 0.5 1.5 2.5 -2.5 0.15 0.25 0.35 1.45 2.675 1.005 5e-324 -5e-324 1e-300 123.456 -0.0 1e15+0.5 4503599627370495.5 9007199254740993.0 1.7976931348623157e308 0.1+0.2 100.0 1.23456789e-7 3.14159]
floats.each do |f|
  [0, 1, 2, 5, 10, 16, 20, 300, 330, -1, -2, -10, -308, -400].each do |d|
    t "(#{f}).round(#{d})"; t "(#{f}).floor(#{d})"; t "(#{f}).ceil(#{d})"; t "(#{f}).truncate(#{d})"; t "(#{f}).round(#{d}, half: :even)"; t "(#{f}).round(#{d}, half: :down)"
  end
  %w[next_float prev_float to_r rationalize to_i hash.class].each { |m| t "(#{f}).#{m}" }
  [3, -3, 0.7, -0.7, 2**70, Float::INFINITY].each { |o| %w[% divmod remainder modulo div fdiv].each { |m| t "(#{f}).#{m}(#{o})" } }
end
t "1.0.next_float - 1.0"; t "Float::MAX.next_float"; t "(-Float::MAX).prev_float"; t "0.0.prev_float"; t "Float::INFINITY.next_float"; t "Float::NAN.next_float.nan?"
t "2**64 - 1 == (2**64-1).to_f.to_i"; t "Integer.sqrt(-1)"; t "Integer.sqrt(2**200)"; t "Integer.sqrt(10**41)"; t "Integer.sqrt(1.5)"; t "Integer.sqrt('4')"
