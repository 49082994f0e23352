a = "ab" + "cd"
p a  # expect: "abcd"
p "ab" * 3  # expect: "ababab"
s = +"x"
s << "y" << "z"
p s  # expect: "xyz"
s.concat("!")
p s  # expect: "xyz!"
