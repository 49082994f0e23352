case [1, [2, 3]]
in [Integer => one, [_, _] => pair]
  p one  # expect: 1
  p pair  # expect: [2, 3]
end
