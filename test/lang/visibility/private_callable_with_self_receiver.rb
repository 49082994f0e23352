class Me
  def run
    self.helper = 5
    [self.value, helper_val]
  end
  private
  attr_accessor :helper
  def value = :private_value
  def helper_val = @helper
end
p Me.new.run  # expect: [:private_value, 5]
