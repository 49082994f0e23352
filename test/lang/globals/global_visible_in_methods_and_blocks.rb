$g = [1]
def add_g(x) = $g << x
[2, 3].each { |x| add_g(x) }
p $g  # expect: [1, 2, 3]
