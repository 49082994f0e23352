# an object's singleton class answers the class methods of the object's class (RSpec
# calls example_group_instance.singleton_class.hooks)
class A
  def self.hooks = :a_hooks
end
class B < A; end
o = B.new
p o.singleton_class.hooks
p o.singleton_class.superclass
p o.singleton_class.singleton_class.superclass
p o.singleton_class.respond_to?(:hooks)
p o.singleton_class.class
p o.singleton_class.singleton_class.singleton_class?
# expect: :a_hooks
# expect: B
# expect: #<Class:B>
# expect: true
# expect: Class
# expect: true
