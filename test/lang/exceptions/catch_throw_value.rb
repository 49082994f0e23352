r = catch(:found) do
  [1, 2, 3].each do |x|
    [10, 20].each do |y|
      throw :found, x * y if x * y == 40
    end
  end
  :not_found
end
p r  # expect: 40
