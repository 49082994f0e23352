# NoMethodError names its receiver by the whole inspect, however long (CRuby
# 3.1 has no length limit); an inspect that raises gives #<Class:0x...>
class Long
  def inspect = "L" * 100
end
class Raising
  def inspect = raise("no")
end
begin
  Long.new.foo
rescue NoMethodError => e
  puts e.message.lines.first
end
begin
  Raising.new.foo
rescue NoMethodError => e
  puts e.message.lines.first.sub(/0x\h+/, "0x")
end
begin
  ([1] * 30).foo
rescue NoMethodError => e
  puts e.message.lines.first
end
# expect: undefined method `foo' for LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL:Long
# expect: undefined method `foo' for #<Raising:0x>
# expect: undefined method `foo' for [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]:Array
