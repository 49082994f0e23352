{ name: "carol", age: 30 } => { name: }
p name  # expect: "carol"
[1, [2, 3]] => [a, [b, c]]
p [a, b, c]  # expect: [1, 2, 3]
42 => answer
p answer  # expect: 42
