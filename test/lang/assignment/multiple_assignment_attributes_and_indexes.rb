class P; attr_accessor :x, :y; end
pt = P.new
arr = []
pt.x, pt.y, arr[2] = 1, 2, 3
p [pt.x, pt.y]  # expect: [1, 2]
p arr  # expect: [nil, nil, 3]
