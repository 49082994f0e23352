# Kernel#method / public_method errors name the receiver's class (its singleton
# class when it has one), and public_method of a private method says so, as CRuby
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.gsub(/0x\h+/, 'XX')}"; end
t { Object.new.method(:nope) }
t { String.method(:nope) }
t { 1.method(:nope) }
t { nil.method(:nope) }
t { o = Object.new; def o.x; end; o.method(:nope) }
t { o = Object.new; o.extend(Comparable); o.method(:nope) }
t { Kernel.method(:nope) }
t { Object.new.public_method(:nope) }
t { Object.new.public_method(:puts) }
t { c = Class.new { protected def pr; end }; c.new.public_method(:pr) }
t { Object.instance_method(:nope) }
t { 1.public_method(:abs).call }
# expect: NameError: undefined method `nope' for class `Object'
# expect: 
# expect: t { Object.new.method(:nope) }
# expect:               ^^^^^^^
# expect: NameError: undefined method `nope' for class `#<Class:String>'
# expect: 
# expect: t { String.method(:nope) }
# expect:           ^^^^^^^
# expect: NameError: undefined method `nope' for class `Integer'
# expect: 
# expect: t { 1.method(:nope) }
# expect:      ^^^^^^^
# expect: NameError: undefined method `nope' for class `NilClass'
# expect: 
# expect: t { nil.method(:nope) }
# expect:        ^^^^^^^
# expect: NameError: undefined method `nope' for class `#<Class:#<Object:XX>>'
# expect: 
# expect: t { o = Object.new; def o.x; end; o.method(:nope) }
# expect:                                    ^^^^^^^
# expect: NameError: undefined method `nope' for class `#<Class:#<Object:XX>>'
# expect: 
# expect: t { o = Object.new; o.extend(Comparable); o.method(:nope) }
# expect:                                            ^^^^^^^
# expect: NameError: undefined method `nope' for class `#<Class:Kernel>'
# expect: 
# expect: t { Kernel.method(:nope) }
# expect:           ^^^^^^^
# expect: NameError: undefined method `nope' for class `Object'
# expect: 
# expect: t { Object.new.public_method(:nope) }
# expect:               ^^^^^^^^^^^^^^
# expect: NameError: method `puts' for class `Object' is private
# expect: 
# expect: t { Object.new.public_method(:puts) }
# expect:               ^^^^^^^^^^^^^^
# expect: NameError: method `pr' for class `#<Class:XX>' is protected
# expect: 
# expect: t { c = Class.new { protected def pr; end }; c.new.public_method(:pr) }
# expect:                                                   ^^^^^^^^^^^^^^
# expect: NameError: undefined method `nope' for class `Object'
# expect: 
# expect: t { Object.instance_method(:nope) }
# expect:           ^^^^^^^^^^^^^^^^
# expect: 1
