case [1, [2, "three"]]
in [Integer => a, [b, String => c]]
  p [a, b, c]  # expect: [1, 2, "three"]
end
