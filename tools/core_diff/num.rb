require_relative 'h'
ints = %w[0 1 -1 7 -7 15 25 -25 35 45 255 -256 12345 -12345 2**64 -(2**64)+3 10**20+5 -(10**20)]
ints.each do |i|
  [2, 3, 8, 16, 36, 1, 37, -2].each { |b| t "(#{i}).to_s(#{b})" }
  [10, 16, 2, 100, 1, 0, -1].each { |b| t "(#{i}).digits(#{b})" }
  [-25, -1, 0, 1, 3].each { |m| t "(#{i}).pow(3, #{m})"; t "(#{i}).pow(#{i.size > 6 ? 2 : i}, #{m})" }
  t "(#{i}).pow(-1, 5)"; t "(#{i}).pow(2, 3.0)"; t "(#{i}).pow(2**70+1, 97)"; t "(#{i}).pow(5, 2**65+1)"
  [0, 1, 2, -1, -2, -3, -20, -25].each do |d|
    %w[round floor ceil truncate].each { |m| t "(#{i}).#{m}(#{d})" }
    %w[:up :down :even nil :bogus].each { |h| t "(#{i}).round(#{d}, half: #{h})" }
  end
  t "(#{i}).round(1.5)"; t "(#{i}).round('1')"; t "(#{i}).floor(2**70)"; t "(#{i}).round(-(2**70))"
  %w[bit_length to_f to_r to_c rationalize numerator denominator abs2 arg polar rect integer? finite? infinite? ord chr size.class].each { |m| t "(#{i}).#{m}" }
  [3, -3, 2.5, 0, 0.0, 3r/2, 2**65].each { |o| %w[/ % divmod fdiv div modulo remainder ** <=> & ^ lcm gcd].each { |op| t op =~ /\w/ ? "(#{i}).#{op}(#{o})" : "(#{i}) #{op} (#{o})" } }
  t "Integer.sqrt(#{i})"
end
floats = %w[0.0 -0.0 1.5 2.5 -2.5 0.1 0.125 1.005 2.675 123.456 -123.456 1e-10 1e22 1e23 1.7976931348623157e308 5e-324 2.2250738585072014e-308 1e16 1e15 123456789.123456789 0.5 -0.5 1.0/3 Float::INFINITY -Float::INFINITY Float::NAN 9007199254740993.0 4.35 0.285 1.15 100.0 1e100 12.5]
floats.each do |f|
  t "(#{f}).to_s"; t "(#{f}).inspect"
  [0, 1, 2, 3, -1, -2, 15, 16, 17, 20, 400, -400].each do |d|
    %w[round floor ceil truncate].each { |m| t "(#{f}).#{m}(#{d})" }
    t "(#{f}).round(#{d}, half: :even)"; t "(#{f}).round(#{d}, half: :down)"; t "(#{f}).round(#{d}, half: :up)"
  end
  %w[to_i to_r rationalize to_c floor ceil round abs next_float prev_float nan? finite? infinite? zero? positive? negative? numerator denominator arg angle phase polar].each { |m| t "(#{f}).#{m}" }
  %w[0.01 1/100r 0.1 1].each { |e| t "(#{f}).rationalize(#{e})" }
  [3, -3, 0, 0.0, 2**70, 1.5, 3r/2].each { |o| %w[/ % divmod fdiv div modulo ** <=> quo].each { |op| t op =~ /\w/ ? "(#{f}).#{op}(#{o})" : "(#{f}) #{op} (#{o})" } }
end
%w[1e-5 1e-4 0.0001 1e15 1e16 9.999999999999999e15 1e-7 123e18 1.0e-323 -1e300 100.0 1234567.0 0.1+0.2 1/3.0 2.0**62 2.0**64 -(2.0**70) 1e21 1e20].each { |f| t "(#{f}).to_s" }
