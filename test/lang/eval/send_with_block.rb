p [1, 2, 3].send(:map) { |x| x + 1 }  # expect: [2, 3, 4]
