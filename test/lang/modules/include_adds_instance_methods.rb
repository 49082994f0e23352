module Greeter
  def greet = "hello from #{name}"
end
class User
  include Greeter
  def name = "user"
end
p User.new.greet  # expect: "hello from user"
p User.include?(Greeter)  # expect: true
p User.new.is_a?(Greeter)  # expect: true
