# a refinement activated in this file is not visible in a file required later
module Twice
  refine Integer do
    def twice = self * 2
  end
end
using Twice
p 21.twice
require_relative "other_file_helper"
p RefinementHelper.try_twice(4)
# expect: 42
# expect: NoMethodError
