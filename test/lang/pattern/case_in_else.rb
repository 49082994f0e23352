r = case [1, 2, 3]
    in [_, _] then "pair"
    else "not a pair"
    end
p r  # expect: "not a pair"
