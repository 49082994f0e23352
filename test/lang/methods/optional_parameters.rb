def greet(name, greeting = "Hello")
  "#{greeting}, #{name}"
end
p greet("Ann")  # expect: "Hello, Ann"
p greet("Bob", "Hi")  # expect: "Hi, Bob"
