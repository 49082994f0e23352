def grade(n)
  if n >= 90
    "A"
  elsif n >= 80
    "B"
  elsif n >= 70
    "C"
  else
    "F"
  end
end
p [95, 85, 75, 10].map { |n| grade(n) }  # expect: ["A", "B", "C", "F"]
