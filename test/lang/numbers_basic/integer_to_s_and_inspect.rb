p 12345.to_s  # expect: "12345"
puts 1_000  # expect: 1000
puts -0  # expect: 0
p 0x10  # expect: 16
p(-2 ** 2)  # expect: -4
