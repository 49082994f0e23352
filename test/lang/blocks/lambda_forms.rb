l1 = lambda { |x| x + 1 }
l2 = ->(x) { x + 2 }
l3 = -> x, y { x * y }
l4 = -> { :noargs }
p l1.call(1)  # expect: 2
p l2.call(1)  # expect: 3
p l3.call(3, 4)  # expect: 12
p l4.call  # expect: :noargs
p l2.lambda?  # expect: true
p proc {}.lambda?  # expect: false
