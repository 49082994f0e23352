# the extra fields of Exception subclasses
e = NameError.new("msg", :foo, receiver: 5)
p e.name, e.receiver, e.message
p NameError.new.name, NameError.new("m", "str").name
begin
  NameError.new("m").receiver
rescue ArgumentError => ae
  p ae.message
end
e = NoMethodError.new("m", :x, [1, 2], receiver: 3)
p e.args, e.private_call?, e.name, e.receiver
p NoMethodError.new("m", :x, [1], true).private_call?, NoMethodError.new.args
e = KeyError.new("k", receiver: {a: 1}, key: :b)
p e.key, e.receiver, e.message
begin
  KeyError.new("k").key
rescue ArgumentError => ae
  p ae.message
end
p FrozenError.new("f", receiver: :r).receiver
p StopIteration.new.result
p SystemExit.new.status, SystemExit.new.success?, SystemExit.new.message
p SystemExit.new(3).status, SystemExit.new(3, "bye").message, SystemExit.new("m").status
p SystemExit.new(false).status, SystemExit.new(true).success?, SystemExit.new(2).success?
begin
  exit 4
rescue SystemExit => se
  p se.status, se.message
end
e = UncaughtThrowError.new(:t, 5, "uncaught throw %p")
p e.tag, e.value, e.message
p SignalException.new("INT").signo, SignalException.new("SIGTERM").message, SignalException.new(15).message
p Interrupt.new.message, Interrupt.new.signo, Interrupt.new("x").message
begin
  SignalException.new("NOPE")
rescue ArgumentError => ae
  p ae.message
end
p NoMatchingPatternKeyError.new("x", matchee: {a: 1}, key: :k).key

# expect: :foo
# expect: 5
# expect: "msg"
# expect: nil
# expect: "str"
# expect: "no receiver is available"
# expect: [1, 2]
# expect: false
# expect: :x
# expect: 3
# expect: true
# expect: nil
# expect: :b
# expect: {:a=>1}
# expect: "k"
# expect: "no key is available"
# expect: :r
# expect: nil
# expect: 0
# expect: true
# expect: "SystemExit"
# expect: 3
# expect: "bye"
# expect: 0
# expect: 1
# expect: true
# expect: false
# expect: 4
# expect: "exit"
# expect: :t
# expect: 5
# expect: "uncaught throw :t"
# expect: 2
# expect: "SIGTERM"
# expect: "SIGTERM"
# expect: "Interrupt"
# expect: 2
# expect: "x"
# expect: "unsupported signal `SIGNOPE'"
# expect: :k
