class T
  def value=(v)
    @value = v
  end
  def value = @value
end
t = T.new
t.value = 9
p t.value  # expect: 9
p t.send(:value=, 3)  # expect: 3
p t.value  # expect: 3
