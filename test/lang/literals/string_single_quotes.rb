puts 'no #{interp} here'  # expect: no #{interp} here
puts 'tab\t stays'  # expect: tab\t stays
puts 'it\'s'  # expect: it's
puts 'back\\slash'  # expect: back\slash
p 'a\b'  # expect: "a\\b"
