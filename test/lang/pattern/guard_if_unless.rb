def classify(pair)
  case pair
  in [a, b] if a == b then "same"
  in [a, b] unless a < b then "descending"
  in [_, _] then "ascending"
  end
end
p classify([1, 1])  # expect: "same"
p classify([3, 1])  # expect: "descending"
p classify([1, 3])  # expect: "ascending"
