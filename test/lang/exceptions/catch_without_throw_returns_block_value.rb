p catch(:x) { 42 }  # expect: 42
p catch(:x) { throw :x }  # expect: nil
