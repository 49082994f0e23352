class User
  def initialize(name, role) = (@name, @role = name, role)
  def deconstruct_keys(keys) = { name: @name, role: @role }
end
case User.new("ann", :admin)
in { role: :admin, name: }
  puts "admin #{name}"  # expect: admin ann
end
case User.new("bob", :guest)
in User(name:, role: :guest)
  puts "guest #{name}"  # expect: guest bob
end
