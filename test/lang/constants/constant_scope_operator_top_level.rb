VALUE = "top"
module Inner
  VALUE = "inner"
  def self.both = [VALUE, ::VALUE]
end
p Inner.both  # expect: ["inner", "top"]
