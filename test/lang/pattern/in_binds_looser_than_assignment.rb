r = 5 in String
p r  # expect: 5
