e = StandardError.new("hello")
p e.to_s  # expect: "hello"
p e.message  # expect: "hello"
p "#{e}"  # expect: "hello"
