if true then puts "then" end  # expect: then
x = 3; if x == 3; puts "semi"; end  # expect: semi
case x when 3; puts "case semi" end  # expect: case semi
