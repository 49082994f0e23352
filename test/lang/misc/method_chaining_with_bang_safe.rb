s = +"hello"
s.upcase!
p s  # expect: "HELLO"
p s.upcase!  # expect: nil
p "Hi".downcase.upcase.reverse  # expect: "IH"
