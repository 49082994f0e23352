v = begin
  1
rescue
  2
ensure
  3
end
p v  # expect: 1
w = begin
  raise "x"
rescue
  :rescued
else
  :else
end
p w  # expect: :rescued
x = begin
  :body
rescue
  :rescued
else
  :else_value
end
p x  # expect: :else_value
