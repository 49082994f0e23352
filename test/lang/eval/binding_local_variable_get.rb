def capture_binding
  secret = 42
  binding
end
b = capture_binding
p b.local_variable_get(:secret)  # expect: 42
p b.eval("secret + 1")  # expect: 43
p b.local_variables  # expect: [:secret]
