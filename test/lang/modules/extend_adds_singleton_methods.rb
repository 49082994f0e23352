module Loud
  def shout = "#{self}!".upcase
end
s = "quiet"
s.extend(Loud)
p s.shout  # expect: "QUIET!"
class Tool
  extend Loud
end
p Tool.shout  # expect: "TOOL!"
