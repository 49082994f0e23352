# using affects only the code after it in the file; methods defined before it
# do not see the refinement, methods and blocks defined after it do
module Shout
  refine String do
    def shout = upcase + "!"
  end
end
def before_using(s)
  s.shout
rescue NoMethodError
  "no shout before using"
end
p "a".respond_to?(:shout)
using Shout
def after_using(s) = s.shout
p "hi".shout
p after_using("ok")
p before_using("x")
blk = -> s { s.shout }
p blk.("blk")
p "a".respond_to?(:shout)
# expect: false
# expect: "HI!"
# expect: "OK!"
# expect: "no shout before using"
# expect: "BLK!"
# expect: true
