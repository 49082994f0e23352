module Auto
  def self.const_missing(name) = "auto #{name}"
end
p Auto::Anything  # expect: "auto Anything"
