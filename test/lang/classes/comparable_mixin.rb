class Version
  include Comparable
  attr_reader :n
  def initialize(n) = @n = n
  def <=>(o) = n <=> o.n
  def inspect = "v#{n}"
end
a, b, c = Version.new(1), Version.new(2), Version.new(3)
p a < b  # expect: true
p c >= b  # expect: true
p b.between?(a, c)  # expect: true
p [c, a, b].sort  # expect: [v1, v2, v3]
p [c, a, b].max  # expect: v3
p a == Version.new(1)  # expect: true
