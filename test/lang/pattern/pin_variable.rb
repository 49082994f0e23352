expected = 5
def check(v, expected)
  case v
  in ^expected then "matches"
  else "differs"
  end
end
p check(5, expected)  # expect: "matches"
p check(6, expected)  # expect: "differs"
