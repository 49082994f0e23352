class Ctx
  p self  # expect: Ctx
  def inst = self.class
  def self.cls = self
end
p Ctx.new.inst  # expect: Ctx
p Ctx.cls  # expect: Ctx
p self.to_s  # expect: "main"
