def outer_m
  [1].map { __method__ }.first
end
p outer_m  # expect: :outer_m
