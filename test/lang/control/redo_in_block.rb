tries = 0
out = []
[1, 2].each do |x|
  tries += 1
  out << [x, tries]
  redo if tries == 1
end
p out  # expect: [[1, 1], [1, 2], [2, 3]]
