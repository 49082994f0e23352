module Mod; end
Mod.module_eval do
  def self.hi = "hi from mod"
end
p Mod.hi  # expect: "hi from mod"
