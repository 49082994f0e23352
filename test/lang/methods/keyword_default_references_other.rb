def area(w:, h: w)
  w * h
end
p area(w: 3)  # expect: 9
p area(w: 3, h: 5)  # expect: 15
