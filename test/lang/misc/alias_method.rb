class Str2
  def shout = "LOUD"
  alias_method :yell, :shout
  p alias_method(:scream, :shout)  # expect: :scream
end
p Str2.new.yell  # expect: "LOUD"
p Str2.instance_method(:yell).name  # expect: :yell
