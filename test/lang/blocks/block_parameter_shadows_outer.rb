x = :outer
[1].each { |x| x }
p x  # expect: :outer
