# The top-level self's own methods: private, as CRuby's (using, define_method,
# public, private, include, ruby2_keywords).
p self.singleton_class.private_instance_methods(false).sort
p self.singleton_methods.sort
define_method(:from_main) { |x = 1| x * 2 }
p from_main(21), Object.public_method_defined?(:from_main)
def later = 3
private
def hidden = 4
public :hidden
p Object.public_method_defined?(:hidden)
module M; def m_here = :m; end
include M
p m_here
main = self
begin
  main.define_method(:bad) { }
rescue NoMethodError => e
  puts e.message.lines.first
end
# expect: [:define_method, :include, :private, :public, :ruby2_keywords, :using]
# expect: [:inspect, :to_s]
# expect: 42
# expect: true
# expect: true
# expect: :m
# expect: private method `define_method' called for main:Object
