def definer
  def inner_defined = "inner"
  :defined
end
p definer  # expect: :defined
p inner_defined  # expect: "inner"
