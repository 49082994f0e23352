def band(n)
  case n
  in ..0 then :nonpositive
  in 1..9 then :digit
  in 10.. then :big
  end
end
p [-1, 5, 50].map { |n| band(n) }  # expect: [:nonpositive, :digit, :big]
