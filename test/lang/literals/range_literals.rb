p (1..5).to_a  # expect: [1, 2, 3, 4, 5]
p (1...5).to_a  # expect: [1, 2, 3, 4]
p ('a'..'e').to_a  # expect: ["a", "b", "c", "d", "e"]
r = (1..)
p r.first(3)  # expect: [1, 2, 3]
p (..5).include?(3)  # expect: true
