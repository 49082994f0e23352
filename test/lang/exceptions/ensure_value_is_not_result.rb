def m
  :body
ensure
  :ensure
end
p m  # expect: :body
