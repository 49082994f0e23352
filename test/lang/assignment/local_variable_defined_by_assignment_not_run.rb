if false
  z = 1
end
p z  # expect: nil
p defined?(z)  # expect: "local-variable"
