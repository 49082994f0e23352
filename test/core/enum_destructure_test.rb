# Block parameters destructuring a yielded pair: (k, v) in Array, Hash and Enumerator iteration
p [[1, [2, 3]]].map { |a, (b, c)| a + b + c }  # expect: [6]
p [1, 2, 3].select.with_index { |x, i| i.even? }, {a: 1}.each.to_a, {a: 1, b: 2}.map.with_index { |(k, v), i| [k, v, i] }
# expect: [1, 3]
# expect: [[:a, 1]]
# expect: [[:a, 1, 0], [:b, 2, 1]]
p({a: 1, b: 2}.each_with_object([]) { |(k, v), acc| acc << k }, {a: 1, b: 2}.reduce(0) { |s, (k, v)| s + v })
# expect: [:a, :b]
# expect: 3
p({a: 1, b: 2}.each_with_index.map { |(k, v), i| [k, v, i] })  # expect: [[:a, 1, 0], [:b, 2, 1]]
p({a: 1}.sort_by { |k, v| v }, [[1, 2], [3, 4]].each_with_index.map { |(a, b), i| a * b + i })
# expect: [[:a, 1]]
# expect: [2, 13]
