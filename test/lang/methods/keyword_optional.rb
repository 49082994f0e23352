def fmt(value, width: 5, fill: "*")
  fill * (width - value.to_s.length) + value.to_s
end
p fmt(42)  # expect: "***42"
p fmt(42, fill: "0")  # expect: "00042"
p fmt(7, width: 3)  # expect: "**7"
