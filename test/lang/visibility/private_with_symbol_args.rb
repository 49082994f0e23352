class Acct
  def a = 1
  def b = 2
  def c = 3
  private :a, :b
end
p Acct.private_instance_methods(false).sort  # expect: [:a, :b]
p Acct.public_instance_methods(false)  # expect: [:c]
