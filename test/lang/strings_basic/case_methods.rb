p "Hello".upcase  # expect: "HELLO"
p "Hello".downcase  # expect: "hello"
p "hello world".capitalize  # expect: "Hello world"
p "HeLLo".swapcase  # expect: "hEllO"
