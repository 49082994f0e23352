p 1 <=> 2  # expect: -1
p 2 <=> 2  # expect: 0
p 3 <=> 2  # expect: 1
p "a" <=> "b"  # expect: -1
p [1, 2] <=> [1, 3]  # expect: -1
p 1 <=> "x"  # expect: nil
