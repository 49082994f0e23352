i = 10
until i <= 7
  i -= 1
end
p i  # expect: 7
