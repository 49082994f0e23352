def kind(x)
  case x
  in 0 then "zero"
  in 1 | 2 | 3 then "small"
  in Integer then "int"
  in String then "string"
  in nil then "nil"
  end
end
p kind(0)  # expect: "zero"
p kind(2)  # expect: "small"
p kind(99)  # expect: "int"
p kind("s")  # expect: "string"
p kind(nil)  # expect: "nil"
