def tricky(x = nil) = x.nil?
p tricky  # expect: true
p tricky(1)  # expect: false
