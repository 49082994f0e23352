r = case({ a: 1 })
    in [] then "array"
    in {} then "empty hash pattern"
    in Hash then "hash"
    end
p r  # expect: "hash"
p(({} in {}))  # expect: true
p(({ a: 1 } in {}))  # expect: false
