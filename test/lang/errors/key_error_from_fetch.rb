h = { a: 1 }
h.fetch(:b)
# expect error: key not found: :b (KeyError)
