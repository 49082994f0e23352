SMALL = [1, 2, 3]
def size_of(n)
  case n
  when *SMALL then "small"
  when *[10, 20], 30 then "round"
  else "?"
  end
end
p size_of(2)  # expect: "small"
p size_of(20)  # expect: "round"
p size_of(30)  # expect: "round"
p size_of(5)  # expect: "?"
