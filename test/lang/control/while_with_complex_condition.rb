a = [3, 1, 4, 1, 5]
i = 0
i += 1 while i < a.size && a[i] != 4
p i  # expect: 2
