p " pad ".strip  # expect: "pad"
p "a,b,c".split(",")  # expect: ["a", "b", "c"]
p "hello".include?("ell")  # expect: true
p "hello".start_with?("he")  # expect: true
p "hello".end_with?("lo")  # expect: true
p "hello".reverse  # expect: "olleh"
p "hello".sub("l", "L")  # expect: "heLlo"
p "hello".gsub("l", "L")  # expect: "heLLo"
p "hello".index("l")  # expect: 2
