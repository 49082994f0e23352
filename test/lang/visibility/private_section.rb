class Safe
  def open = "opened with #{secret}"
  private
  def secret = "1234"
end
s = Safe.new
p s.open  # expect: "opened with 1234"
begin
  s.secret
rescue NoMethodError => e
  p e.class  # expect: NoMethodError
  p e.name  # expect: :secret
end
