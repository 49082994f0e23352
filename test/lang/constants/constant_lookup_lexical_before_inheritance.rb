X = :top
class Base
  X = :base
end
module Wrap
  X = :wrap
  class Sub < Base
    def x = X
  end
end
p Wrap::Sub.new.x  # expect: :wrap
