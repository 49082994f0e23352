x = 1
y = 2
h = { x:, y: }
p h  # expect: {:x=>1, :y=>2}
