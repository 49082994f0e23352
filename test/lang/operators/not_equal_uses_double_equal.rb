class Always
  def ==(other) = true
end
p Always.new != 5  # expect: false
p Always.new == 5  # expect: true
