case [1, [2, 3]]
in [Integer => a, [b, *c]] if a > 0
  p a
in {name: String => n, age:} unless age
in [*, 3, *post]
in Point(x:, y: 0) | Point[1, 2]
in ^a | ^(1 + 2) | nil | 1.. | ..5 | "s" | :sym
in x, *rest
in k:, **nil
else
end
x => {a: [b]}
p((1 in Integer))
