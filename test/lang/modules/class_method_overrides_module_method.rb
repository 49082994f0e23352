module M
  def who = "M"
end
class Own
  include M
  def who = "Own then " + super
end
p Own.new.who  # expect: "Own then M"
