p 0x1F  # expect: 31
p 0XfF  # expect: 255
p 0o17  # expect: 15
p 017  # expect: 15
p 0b1010  # expect: 10
p 0B11  # expect: 3
p 0d99  # expect: 99
