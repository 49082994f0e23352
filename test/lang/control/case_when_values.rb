def kind(x)
  case x
  when 1, 2 then "small"
  when 3 then "three"
  else "other"
  end
end
p kind(1)  # expect: "small"
p kind(2)  # expect: "small"
p kind(3)  # expect: "three"
p kind(9)  # expect: "other"
