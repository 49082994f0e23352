# Float round/floor/ceil/truncate with digits and half: modes
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (5.0.floor) }  # expect: 5
t { (5.5.ceil) }  # expect: 6
t { (-5.5.round) }  # expect: -6
t { (2.5.round) }  # expect: 3
t { (2.5.round(half: :even)) }  # expect: 2
t { (2.5.round(half: :down)) }  # expect: 2
t { (1.005.round(2)) }  # expect: 1.01
t { (2.675.round(2, half: :even)) }  # expect: 2.68
t { (1.23456.round(3)) }  # expect: 1.235
t { (12345.678.round(-2)) }  # expect: 12300
t { (1e20.round(2)) }  # expect: 1.0e+20
t { (1.1.floor(1)) }  # expect: 1.1
t { (1.1.ceil(1)) }  # expect: 1.1
t { (2.0000000000000004.ceil(15)) }  # expect: 2.000000000000001
t { (12.34.floor(-1)) }  # expect: 10
t { (1.5.truncate(1)) }  # expect: 1.5
t { (-1.55.truncate(1)) }  # expect: -1.5
t { (0.1.round(17)) }  # expect: 0.1
t { (12345.6789.round(20)) }  # expect: 12345.6789
t { (1.0.round(2).class) }  # expect: Float
t { (1e300.round(-299).class) }  # expect: Integer
t { (25.5.round(-1, half: :down)) }  # expect: 20
t { (1e-20.round(2)) }  # expect: 0.0
t { (1e-20.ceil(2)) }  # expect: 0.01
t { (-1e-20.floor(2)) }  # expect: -0.01
t { (Float::NAN.round) }  # expect: FloatDomainError: NaN
t { (Float::INFINITY.floor) }  # expect: FloatDomainError: Infinity
t { (Float::INFINITY.round(2)) }  # expect: Infinity
t { (Float::NAN.to_i) }  # expect: FloatDomainError: NaN
t { (1.5.floor(-1)) }  # expect: 0
t { (12.34.round(1.7)) }  # expect: 12.3
