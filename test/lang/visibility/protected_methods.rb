class Account
  def initialize(b) = @balance = b
  def richer_than?(o) = balance > o.balance
  protected
  def balance = @balance
end
a = Account.new(100)
b = Account.new(50)
p a.richer_than?(b)  # expect: true
begin
  a.balance
rescue NoMethodError => e
  p e.name  # expect: :balance
end
