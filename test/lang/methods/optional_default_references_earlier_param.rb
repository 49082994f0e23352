def box(w, h = w * 2, label = "#{w}x#{h}")
  label
end
p box(3)  # expect: "3x6"
p box(3, 4)  # expect: "3x4"
p box(3, 4, "custom")  # expect: "custom"
