def try(kind)
  raise kind, "x"
rescue ArgumentError, TypeError => e
  "caught #{e.class}"
rescue NameError
  "name error"
end
p try(ArgumentError)  # expect: "caught ArgumentError"
p try(TypeError)  # expect: "caught TypeError"
p try(NameError)  # expect: "name error"
