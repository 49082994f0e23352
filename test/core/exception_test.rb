# Exception: new, message, to_s, inspect, ==, exception, backtrace, cause
e = RuntimeError.new("boom")
p e, e.message, e.to_s, e.inspect
p RuntimeError.new, RuntimeError.new.message, RuntimeError.new("").inspect
p StandardError.new(42).message, Exception.new(nil).message
p RuntimeError.new("a\nb").inspect
p RuntimeError.new("x") == RuntimeError.new("x"), RuntimeError.new("x") == RuntimeError.new("y")
p RuntimeError.new("x") == StandardError.new("x")
p e.exception.equal?(e), e.exception(e).equal?(e)
e2 = e.exception("other")
p e2, e, e2.class
p Exception.exception("made"), ArgumentError.exception.message
p e.backtrace, e.backtrace_locations, e.cause
p e.set_backtrace(["a:1", "b:2"]), e.backtrace
p e.set_backtrace("one"), e.backtrace
p e.set_backtrace(nil), e.backtrace
begin
  e.set_backtrace([1])
rescue TypeError => te
  p te.message
end
def fail_deep; raise ArgumentError, "deep"; end
begin
  fail_deep
rescue => err
  p err.class, err.message, err.backtrace.is_a?(Array), err.backtrace.first.include?("fail_deep")
end
begin
  begin
    raise "inner"
  rescue
    raise TypeError, "outer"
  end
rescue => err
  p err, err.cause, err.cause.cause
end
class MyError < StandardError
  def initialize(msg = "my default"); super; end
end
p MyError.new.message, MyError.new("given").message
begin
  raise MyError
rescue MyError => me
  p me.message
end
class CustomMsg < StandardError; def message; "custom"; end; end
p CustomMsg.new("ignored").message, CustomMsg.new("x").inspect
p (raise IOError rescue $!.message)
p Exception.instance_method(:message).owner
p ZeroDivisionError.ancestors.take(4), StopIteration.superclass, KeyError.superclass, FrozenError.superclass
p NoMethodError.superclass, LoadError.superclass, Interrupt.superclass, NotImplementedError.superclass

# expect: #<RuntimeError: boom>
# expect: "boom"
# expect: "boom"
# expect: "#<RuntimeError: boom>"
# expect: #<RuntimeError: RuntimeError>
# expect: "RuntimeError"
# expect: "RuntimeError"
# expect: "42"
# expect: "Exception"
# expect: "#<RuntimeError: a\nb>"
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: #<RuntimeError: other>
# expect: #<RuntimeError: boom>
# expect: RuntimeError
# expect: #<Exception: made>
# expect: "ArgumentError"
# expect: nil
# expect: nil
# expect: nil
# expect: ["a:1", "b:2"]
# expect: ["a:1", "b:2"]
# expect: ["one"]
# expect: ["one"]
# expect: nil
# expect: nil
# expect: "backtrace must be Array of String"
# expect: ArgumentError
# expect: "deep"
# expect: true
# expect: true
# expect: #<TypeError: outer>
# expect: #<RuntimeError: inner>
# expect: nil
# expect: "my default"
# expect: "given"
# expect: "my default"
# expect: "custom"
# expect: "#<CustomMsg: x>"
# expect: "IOError"
# expect: Exception
# expect: [ZeroDivisionError, StandardError, Exception, Object]
# expect: IndexError
# expect: IndexError
# expect: RuntimeError
# expect: NameError
# expect: ScriptError
# expect: SignalException
# expect: ScriptError
