module First
  def who = "First"
end
module Second
  def who = "Second"
end
class K
  include First
  include Second
end
p K.new.who  # expect: "Second"
class K2
  include Second
  include First
end
p K2.new.who  # expect: "First"
