x = if false then 1 end
p x  # expect: nil
y = if true then 2 end
p y  # expect: 2
