def check(v)
  unless v
    "falsy"
  else
    "truthy"
  end
end
p check(nil)  # expect: "falsy"
p check(0)  # expect: "truthy"
p check("")  # expect: "truthy"
