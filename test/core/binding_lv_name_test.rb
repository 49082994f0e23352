# Binding#local_variable_get/set/defined? take only local variable names:
# "wrong local variable name `A' for #<Binding>" otherwise, as CRuby 3.1
# (local_variable_set evaluated "A = nil", defining a constant, or "@a = nil")
def t; r = yield; puts r.inspect; rescue NameError => e; puts "#{e.class}: #{e.message.split("\n").first.sub(/0x\h+/, '0x')}"; end
b = binding
t { b.local_variable_set(:A, 1) }
t { b.local_variable_set(:@a, 1) }
t { b.local_variable_set(:$zz, 1) }
t { b.local_variable_set(:a?, 1) }
t { b.local_variable_get(:'1a') }
t { b.local_variable_defined?(:B) }
t { [defined?(A), defined?(@a), $zz] }
t { b.local_variable_set(:_x, 2); b.local_variable_get(:_x) }
t { b.local_variable_set('é', 3); b.local_variable_defined?(:é) }
t { b.local_variable_get(:nope) }
# expect: NameError: wrong local variable name `A' for #<Binding:0x>
# expect: NameError: wrong local variable name `@a' for #<Binding:0x>
# expect: NameError: wrong local variable name `$zz' for #<Binding:0x>
# expect: NameError: wrong local variable name `a?' for #<Binding:0x>
# expect: NameError: wrong local variable name `1a' for #<Binding:0x>
# expect: NameError: wrong local variable name `B' for #<Binding:0x>
# expect: [nil, nil, nil]
# expect: 2
# expect: true
# expect: NameError: local variable `nope' is not defined for #<Binding:0x>
