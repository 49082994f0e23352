case [1, 2, 3, 4, 5]
in [first, *mid, last]
  p first  # expect: 1
  p mid  # expect: [2, 3, 4]
  p last  # expect: 5
end
