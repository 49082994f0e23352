$counter = 0
def bump = $counter += 1
bump
bump
p $counter  # expect: 2
