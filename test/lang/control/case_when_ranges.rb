def band(n)
  case n
  when ...0 then :negative
  when 0 then :zero
  when 1..9 then :digit
  when 10.. then :big
  end
end
p [-5, 0, 7, 42].map { |n| band(n) }  # expect: [:negative, :zero, :digit, :big]
