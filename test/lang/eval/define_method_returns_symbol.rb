class R
  p define_method(:m) { }  # expect: :m
end
