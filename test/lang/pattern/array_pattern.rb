def shape(a)
  case a
  in [] then "empty"
  in [x] then "one: #{x}"
  in [x, y] then "two: #{x}, #{y}"
  in [x, *rest] then "many: #{x} + #{rest}"
  end
end
p shape([])  # expect: "empty"
p shape([1])  # expect: "one: 1"
p shape([1, 2])  # expect: "two: 1, 2"
p shape([1, 2, 3])  # expect: "many: 1 + [2, 3]"
