def outer
  [1, 2].map { |x| yield(x) }
end
p outer { |v| v * 100 }  # expect: [100, 200]
