module Outer
  module Mid
    class Leaf
      def path = self.class.name
    end
  end
end
p Outer::Mid::Leaf.new.path  # expect: "Outer::Mid::Leaf"
p Outer::Mid.name  # expect: "Outer::Mid"
