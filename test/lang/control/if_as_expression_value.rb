v = if 1 > 2
  "no"
else
  "yes"
end
p v  # expect: "yes"
w = (puts("side"); 10) if true  # expect: side
p w  # expect: 10
