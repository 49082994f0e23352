module Outer
  SECRET = 1
end
module Outer
  module In1
    def self.see = defined?(SECRET) ? SECRET : :none
  end
end
module Outer::In2
  def self.see = defined?(SECRET) ? SECRET : :none
end
p Outer::In1.see  # expect: 1
p Outer::In2.see  # expect: :none
