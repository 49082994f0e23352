def t(v)
  case v
  in :a | :b then "a or b"
  in [1, _] | [_, 1] then "has a 1 at an end"
  else "other"
  end
end
p t(:b)  # expect: "a or b"
p t([1, 5])  # expect: "has a 1 at an end"
p t([5, 1])  # expect: "has a 1 at an end"
p t([2, 2])  # expect: "other"
