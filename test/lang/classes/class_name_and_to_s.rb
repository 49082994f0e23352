class Outer
  class Inner; end
end
p Outer.name  # expect: "Outer"
p Outer::Inner.name  # expect: "Outer::Inner"
p Outer::Inner.to_s  # expect: "Outer::Inner"
p Class.new.name  # expect: nil
