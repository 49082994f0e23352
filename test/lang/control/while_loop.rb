i = 0
sum = 0
while i < 5
  sum += i
  i += 1
end
p sum  # expect: 10
p i  # expect: 5
