def opts(a, **rest)
  [a, rest]
end
p opts(1)  # expect: [1, {}]
p opts(1, x: 2, y: 3)  # expect: [1, {:x=>2, :y=>3}]
