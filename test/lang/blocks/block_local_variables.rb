x = 1
y = 2
[5].each do |v; x|
  x = v
  y = v
end
p x  # expect: 1
p y  # expect: 5
