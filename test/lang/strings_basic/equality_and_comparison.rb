p "abc" == "abc"  # expect: true
p "abc".eql?("abc")  # expect: true
p "abc".equal?("abc")  # expect: false
p "a" < "b"  # expect: true
p "abc" <=> "abd"  # expect: -1
p "B" < "a"  # expect: true
