class Parent
  LIMIT = 10
end
class Child < Parent
  def limit = LIMIT
end
p Child.new.limit  # expect: 10
p Child::LIMIT  # expect: 10
