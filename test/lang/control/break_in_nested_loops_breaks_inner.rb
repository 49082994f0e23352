out = []
[1, 2].each do |i|
  [10, 20, 30].each do |j|
    break if j == 20
    out << i * j
  end
end
p out  # expect: [10, 20]
