def count(*args)
  args
end
p count  # expect: []
p count(1)  # expect: [1]
p count(1, 2, 3)  # expect: [1, 2, 3]
