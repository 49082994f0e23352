# Module#public_instance_method says a private or protected method is one;
# const_get/const_defined? reject a name ending in "::" before any lookup;
# remove_const names a non-constant name as CRuby 3.1 does
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.split("\n").first}"; end
class CA; X = 1; private def cp = 1; protected def cq = 2; def pub = 3; end
t { CA.public_instance_method(:cp) }
t { CA.public_instance_method(:cq) }
t { CA.public_instance_method(:pub).name }
t { CA.public_instance_method(:nope) }
t { C2 = Class.new(CA); C2.public_instance_method(:cp) }
t { CA.const_get('CA::', false) }
t { CA.const_defined?('CA::', false) }
t { Object.const_get('CA::') }
t { Object.const_get('CA::X') }
t { Object.const_get('::CA') }
t { Module.new.send(:remove_const, :z) }
t { Module.new.send(:remove_const, '9') }
t { Module.new.send(:remove_const, 1) }
t { m = Module.new; m.const_set(:Z, 3); m.send(:remove_const, :Z) }
# expect: NameError: method `cp' for class `CA' is private
# expect: NameError: method `cq' for class `CA' is protected
# expect: :pub
# expect: NameError: undefined method `nope' for class `CA'
# expect: NameError: method `cp' for class `C2' is private
# expect: NameError: wrong constant name CA::
# expect: NameError: wrong constant name CA::
# expect: NameError: wrong constant name CA::
# expect: 1
# expect: CA
# expect: NameError: `z' is not allowed as a constant variable name
# expect: NameError: `9' is not allowed as a constant variable name
# expect: TypeError: 1 is not a symbol nor a string
# expect: 3
