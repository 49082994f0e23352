class Tag
  def initialize(n) = @n = n
  def inspect = "#<Tag #{@n}>"
end
p Tag.new("a")  # expect: #<Tag a>
p [Tag.new("b"), Tag.new("c")]  # expect: [#<Tag b>, #<Tag c>]
p({ t: Tag.new("d") })  # expect: {:t=>#<Tag d>}
