case { a: 1, b: 2, c: 3 }
in { a:, **rest }
  p a  # expect: 1
  p rest  # expect: {:b=>2, :c=>3}
end
r = case { a: 1 }
    in { a: 1, **nil } then "exact"
    end
p r  # expect: "exact"
r = case { a: 1, b: 2 }
    in { a: 1, **nil } then "exact"
    else "extra keys"
    end
p r  # expect: "extra keys"
