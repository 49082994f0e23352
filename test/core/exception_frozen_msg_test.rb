# FrozenError names the receiver's singleton class when it has one (every
# class has); a bare raise has an empty message; raise checks its cause:;
# value classes have no new; Time's fields are "argument out of range" past
# their bit width as in CRuby
def t
  puts yield.inspect
rescue NameError => e
  puts "#{e.class}: #{e.name}"
rescue Exception => e
  puts "#{e.class}: #{e.message.gsub(/0x\h+/, '0x')}"
end
class Foo; end
Foo.freeze
t { Foo.instance_variable_set(:@a, 1) }
t { Foo.const_set(:A, 1) }
module M5; end
M5.singleton_class
M5.freeze
t { M5.const_set(:A, 1) }
module M6; end
M6.freeze
t { M6.const_set(:A, 1) }
t { Class.new.freeze.instance_variable_set(:@a, 1) }
t { Object.new.singleton_class.freeze.instance_variable_set(:@a, 1) }
o = Object.new
def o.x; end
o.freeze
t { o.instance_variable_set(:@a, 1) }
a = [1]
a.singleton_class
a.freeze
t { a << 2 }
t { "a".freeze << "b" }
t { begin; raise; rescue => e; [e.class, e.message]; end }
t { raise(cause: RuntimeError.new) }
t { raise "x", cause: "s" }
t { begin; raise "x", cause: nil; rescue => e; e.cause; end }
t { Symbol.new }
t { Method.new }
t { UnboundMethod.new }
t { Encoding.new }
t { MatchData.new }
t { Enumerator::Yielder.new }
t { Enumerator::Generator.new }
t { Enumerator::Generator.new { |y| y << 1 << 2 }.to_a }
t { Time.new(2020, 1, 32) }
t { Time.new(2020, 1, 0) }
t { Time.new(2020, 16) }
t { Time.new(2020, 13) }
t { Time.new(2020, 1, 1, 32) }
t { Time.new(2020, 1, 1, 25) }
t { Time.new(2020, 1, 1, 1, 64) }
t { Time.new(2020, 1, 1, 1, 60) }
t { Time.new(2020, 1, 1, 1, 1, -1) }
t { Time.utc(2020, 1, 1, 24, 0, 1) }
t { Time.utc(2020, 1, 31, 24, 1) }
t { Time.utc(2020, 1, 1, 24, 0, 0.5) }
t { Time.utc(2020, "xyz") }
t { Time.utc(2020, "12", "3", "4", "5", "6") }

# expect: FrozenError: can't modify frozen #<Class:Foo>: Foo
# expect: FrozenError: can't modify frozen #<Class:Foo>: Foo
# expect: FrozenError: can't modify frozen #<Class:M5>: M5
# expect: FrozenError: can't modify frozen Module: M6
# expect: FrozenError: can't modify frozen #<Class:#<Class:0x>>: #<Class:0x>
# expect: FrozenError: can't modify frozen #<Class:Object>: #<Class:#<Object:0x>>
# expect: FrozenError: can't modify frozen #<Class:#<Object:0x>>: #<Object:0x>
# expect: FrozenError: can't modify frozen #<Class:#<Array:0x>>: [1]
# expect: FrozenError: can't modify frozen String: "a"
# expect: [RuntimeError, ""]
# expect: ArgumentError: only cause is given with no arguments
# expect: TypeError: exception object expected
# expect: nil
# expect: NoMethodError: new
# expect: NoMethodError: new
# expect: NoMethodError: new
# expect: NoMethodError: new
# expect: NoMethodError: new
# expect: LocalJumpError: no block given
# expect: LocalJumpError: no block given
# expect: [1, 2]
# expect: ArgumentError: argument out of range
# expect: ArgumentError: mday out of range
# expect: ArgumentError: argument out of range
# expect: ArgumentError: mon out of range
# expect: ArgumentError: argument out of range
# expect: ArgumentError: hour out of range
# expect: ArgumentError: argument out of range
# expect: ArgumentError: min out of range
# expect: ArgumentError: argument out of range
# expect: ArgumentError: sec out of range
# expect: ArgumentError: min out of range
# expect: 2020-01-02 00:00:00.5 UTC
# expect: ArgumentError: invalid value for Integer(): "xyz"
# expect: 2020-12-03 04:05:06 UTC
