module Util
  module_function
  def helper = "helped"
end
p Util.helper  # expect: "helped"
class UsesUtil
  include Util
  def call_it = helper
end
p UsesUtil.new.call_it  # expect: "helped"
p UsesUtil.new.respond_to?(:helper)  # expect: false
