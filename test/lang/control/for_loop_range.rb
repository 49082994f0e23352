for i in 1..3
  puts i
end
p i

# expect: 1
# expect: 2
# expect: 3
# expect: 3
