# A Binding comes only from a running scope: Binding.allocate raises as in
# CRuby (it gave an empty Binding), and dup / clone still copy one
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.gsub(/0x\h+/, "XX")}"; end
t { Binding.allocate }
t { Binding.new }
x = 3
t { binding.dup.local_variable_get(:x) }
t { binding.clone.local_variable_defined?(:x) }
t { TOPLEVEL_BINDING.dup.class }
t { Class.new(Binding).allocate }
# expect: TypeError: allocator undefined for Binding
# expect: NoMethodError: undefined method `new' for Binding:Class
# expect: 
# expect: t { Binding.new }
# expect:            ^^^^
# expect: 3
# expect: true
# expect: Binding
# expect: TypeError: allocator undefined for #<Class:XX>
