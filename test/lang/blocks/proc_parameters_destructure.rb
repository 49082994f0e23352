# Proc#parameters: a destructuring parameter of a proc is [:opt, nil], of a lambda [:req]
p proc { |(a, b)| }.parameters
p lambda { |(a, b)| }.parameters
p proc { |k, (l, m), *n, (o, q), &r| }.parameters
def m((a, b), c) = 1
p method(:m).parameters
p proc { |x, y| }.parameters, lambda { |x, y = 1| }.parameters
# expect: [[:opt, nil]]
# expect: [[:req]]
# expect: [[:opt, :k], [:opt, nil], [:rest, :n], [:opt, nil], [:block, :r]]
# expect: [[:req], [:req, :c]]
# expect: [[:opt, :x], [:opt, :y]]
# expect: [[:req, :x], [:opt, :y]]
