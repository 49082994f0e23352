class Mixed
  private
  def p1 = 1
  public
  def p2 = 2
end
m = Mixed.new
p m.p2  # expect: 2
p m.respond_to?(:p1)  # expect: false
p m.respond_to?(:p1, true)  # expect: true
