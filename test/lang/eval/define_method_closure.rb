class Maker
  def self.make_getter(name, value)
    define_method(name) { value }
  end
  make_getter(:color, "red")
end
p Maker.new.color  # expect: "red"
