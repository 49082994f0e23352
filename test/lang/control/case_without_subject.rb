x = 15
r = case
    when x < 10 then "lt10"
    when x < 20 then "lt20"
    else "ge20"
    end
p r  # expect: "lt20"
