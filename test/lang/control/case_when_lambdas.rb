even = ->(n) { n.even? }
big = proc { |n| n > 100 }
def test_with(n, even, big)
  case n
  when big then "big"
  when even then "even"
  else "odd"
  end
end
p test_with(4, even, big)  # expect: "even"
p test_with(7, even, big)  # expect: "odd"
p test_with(200, even, big)  # expect: "big"
