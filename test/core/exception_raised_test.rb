# exceptions raised by core methods carry their extra fields
begin
  {a: 1}.fetch(:zz)
rescue KeyError => ke
  p ke.key, ke.receiver
end
begin
  "x".freeze << "y"
rescue FrozenError => fe
  p fe.receiver, fe.message
end
it = [1].each
it.next
begin
  it.next
rescue StopIteration => si
  p si.result, si.message
end
begin
  throw :nope
rescue UncaughtThrowError => ue
  p ue.tag, ue.value, ue.message
end
begin
  nil.undefined_thing(1, 2)
rescue NoMethodError => ne
  p ne.name, ne.receiver, ne.args
end
begin
  undefined_local_or_method
rescue NameError => ne
  p ne.class, ne.name
end
begin
  Integer("zz")
rescue ArgumentError => ae
  p ae.message
end

# expect: :zz
# expect: {:a=>1}
# expect: "x"
# expect: "can't modify frozen String: \"x\""
# expect: [1]
# expect: "iteration reached an end"
# expect: :nope
# expect: nil
# expect: "uncaught throw :nope"
# expect: :undefined_thing
# expect: nil
# expect: [1, 2]
# expect: NameError
# expect: :undefined_local_or_method
# expect: "invalid value for Integer(): \"zz\""
