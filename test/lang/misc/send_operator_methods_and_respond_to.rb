p 1.respond_to?(:+)  # expect: true
p nil.respond_to?(:foo)  # expect: false
p "s".respond_to?(:upcase)  # expect: true
