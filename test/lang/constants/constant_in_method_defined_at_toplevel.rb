LIMIT = 5
def limit = LIMIT
p limit  # expect: 5
