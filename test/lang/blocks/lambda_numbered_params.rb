# A lambda literal's numbered parameters are its parameters, as a block's are
l = -> { _1 + _2 }
p l.call(1, 2)  # expect: 3
p l.arity  # expect: 2
p l.parameters  # expect: [[:req, :_1], [:req, :_2]]
p(-> { _1 }.call(5))  # expect: 5
p(-> { _3 }.arity)  # expect: 3
begin
  l.call(1)
rescue ArgumentError => e
  p e.message  # expect: "wrong number of arguments (given 1, expected 2)"
end
p [[1, 2]].map(&-> { _1 })  # expect: [[1, 2]]
p(lambda { _1 * 2 }.call(4))  # expect: 8
p(-> do _2 end.call(1, 7))  # expect: 7
