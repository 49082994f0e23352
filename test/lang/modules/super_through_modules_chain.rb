module Base1
  def path = ["Base1"]
end
module Mid1
  def path = ["Mid1"] + super
end
class Top
  include Base1
  include Mid1
  def path = ["Top"] + super
end
p Top.new.path  # expect: ["Top", "Mid1", "Base1"]
