r = while false do end
p r  # expect: nil
r = (i = 0; i += 1 while i < 3)
p r  # expect: nil
