require_relative 'h'
rs = %w[1r/3 -2r/7 3r 0r 5/10r 1.5r -0.75r Rational(7,-21) Rational('2/4') Rational('0.125') Rational(1.5) Rational(0.1) Rational(2**70,3)]
cs = %w[Complex(1,2) Complex(-1.5,0.5) Complex(3,0) Complex(0,-1) 1i Complex('1+2i') Complex(1r/2,3) Complex(0.0,-0.0) Complex(Float::INFINITY,1) Complex('3@1') Complex.polar(2,0)]
others = %w[2 -3 0 1.5 0.0 2**70 1r/2]
(rs + cs).each do |x|
  %w[to_s inspect abs numerator denominator to_f to_i to_r rationalize floor ceil round truncate -@ zero? real imaginary real? conj arg polar rect hash.class finite? infinite? abs2 negative? positive?].each { |m| t "(#{x}).#{m}" }
  [1, 2, -1, -2].each { |d| %w[round floor ceil truncate].each { |m| t "(#{x}).#{m}(#{d})" } }
  t "(#{x}).round(half: :even)"; t "(#{x}).round(half: :down)"; t "(#{x}).round(1, half: :up)"
  t "(#{x}).rationalize(1r/100)"; t "(#{x}).rationalize(0.1)"
  (others + rs.first(4) + cs.first(3)).each do |o|
    %w[+ - * / ** == <=> % divmod quo fdiv div].each { |op| t op =~ /\w/ ? "(#{x}).#{op}(#{o})" : "(#{x}) #{op} (#{o})" }
  end
  others.each { |o| t "(#{o}) + (#{x})"; t "(#{o}) * (#{x})"; t "(#{o}) / (#{x})"; t "(#{o}) <=> (#{x})"; t "(#{o}) ** (#{x})"; t "(#{o}) == (#{x})" }
end
%w['1/3' '1_000/3' '-2/4' '0.75' '1e2' '1.5/2' '1/0' 'x' '' '  3/4  ' '3/-4' '1__0' '0x10' '1/3r' "\"1.2.3\""].each do |s|
  t "Rational(#{s})"; t "Rational(#{s}, exception: false)"; t "#{s}.to_r"; t "Complex(#{s})"; t "Complex(#{s}, exception: false)"; t "#{s}.to_c"
end
%w['1+2i' '-i' '3i' '1.5-2.5i' '1e2+3e-1i' '2@0' '1/2+3/4i' 'i' '1+' '1+2j' '(1+2i)'].each { |s| t "Complex(#{s})"; t "#{s}.to_c"; t "Complex(#{s}, exception: false)" }
t "Rational(1, 0)"; t "Rational(nil)"; t "Rational(1, nil)"; t "Rational(Object.new)"; t "Rational(1.5, 2)"; t "Rational(1, 2.5)"; t "Complex(nil)"; t "Complex(1, nil)"; t "Complex(:a)"
t "Rational(3, 4) ** -2"; t "Rational(0) ** -1"; t "Rational(-8, 27) ** (1r/3)"; t "Complex(1,1) ** 100"; t "Complex(0,0) ** -1"; t "Complex(0,0) ** 0"; t "Complex(2,3) ** Complex(1,1)"
t "Complex(1,2) < Complex(1,2)"; t "Complex(3) <=> 2"; t "Complex(3,1) <=> 2"; t "Complex(1, 2).to_i"; t "Complex(1, 0.0).to_i"; t "Complex(1, 0).to_f"
t "1.quo(3)"; t "1.0.quo(3)"; t "1.quo(0)"; t "3.14.to_r"; t "3.14.rationalize"; t "0.333.rationalize(0.01)"; t "(1/3r).to_f.rationalize"
t "Rational(1,3).to_f.to_s"; t "Complex(1,2).fdiv(3)"; t "Complex::I * Complex::I"; t "Complex.rect(1, 2)"; t "Complex.rectangular(1)"; t "Complex.polar(1, Math::PI/2)"; t "Complex.polar(-1)"
t "Complex(1,2).to_s"; t "Complex(-0.0, -0.0).to_s"; t "Complex(Float::NAN, Float::NAN).inspect"; t "Complex(1, Float::INFINITY).to_s"; t "Complex(1, -Float::INFINITY).inspect"
