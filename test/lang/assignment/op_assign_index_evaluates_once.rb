def idx
  puts "idx"  # expect: idx
  0
end
a = [5]
a[idx] += 1
p a  # expect: [6]
