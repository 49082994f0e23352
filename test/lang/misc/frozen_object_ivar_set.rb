class Pt
  attr_accessor :x
  def inspect = "pt"
end
pt = Pt.new.freeze
pt.x = 1
# expect error: can't modify frozen Pt: pt (FrozenError)
