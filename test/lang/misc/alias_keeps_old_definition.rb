class Counter
  def value = 1
  alias old_value value
  def value = old_value + 100
end
p Counter.new.value  # expect: 101
p Counter.new.old_value  # expect: 1
