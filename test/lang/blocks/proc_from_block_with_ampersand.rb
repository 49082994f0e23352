def capture(&b) = b
pr = capture { |x| "got #{x}" }
p [1, 2].map(&pr)  # expect: ["got 1", "got 2"]
