def minmax(list)
  return list.min, list.max
end
p minmax([3, 1, 2])  # expect: [1, 3]
lo, hi = minmax([5, 9, 7])
p lo  # expect: 5
p hi  # expect: 9
