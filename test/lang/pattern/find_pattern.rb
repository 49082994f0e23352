case [1, 42, "x", :y, 7]
in [*, String => s, Symbol => sym, *post]
  p s  # expect: "x"
  p sym  # expect: :y
  p post  # expect: [7]
end
