# Marshal.dump/load (lib/maglev/marshal.rb): CRuby's 4.8 bytes for core types, links, user types, errors
P = Struct.new(:x, :y)
class Pt
  attr_reader :a
  def initialize(a) = @a = a
  def ==(o) = o.is_a?(Pt) && o.a == a
end
class Cust
  attr_reader :v
  def initialize(v) = @v = v
  def marshal_dump = [@v, :extra]
  def marshal_load(d) = @v = d.first
end
s = "shared"
objs = [nil, true, false, 0, 1, -1, 122, 123, -123, -124, 255, 256, -256, 65536, 2**30 - 1, 2**30, -(2**30), -(2**30) - 1, 2**64, -(2**70),
        1.5, -0.0, 0.0, 1e100, Float::INFINITY, "abc", "é", "bin\xff".b, :sym, :"é", [1, [2, [3]]], { a: 1, "b" => [2] },
        1..5, "a"...:z.to_s, P.new(1, "two"), Pt.new([1, 2]), [s, s], Hash.new(5).merge(k: 1), String, Comparable, /ab+c/i, Cust.new(9)]
objs.each do |o|
  d = Marshal.dump(o)
  r = Marshal.load(d)
  ok = o.is_a?(Float) && o.nan? ? r.nan? : (r == o || (o.is_a?(Cust) && r.v == o.v))
  print d.bytes.map { |b| "%02x" % b }.join, " ", ok, "\n"
end
r = Marshal.load(Marshal.dump([s, s]))
p r[0].equal?(r[1])
e = Marshal.load(Marshal.dump(ArgumentError.new("boom")))
p e.class, e.message
p Marshal.load(Marshal.dump(Hash.new(5)))[:x]
[proc {}, STDOUT, Class.new].each do |bad|
  begin
    Marshal.dump(bad)
  rescue TypeError => ex
    p ex.message.sub(/0x\h+/, "X")
  end
end
p Marshal.load("\x04\x08[\x07i\x06i\x07".b)
begin
  Marshal.load("\x03\x00")
rescue TypeError => ex
  p ex.message
end
p Marshal::MAJOR_VERSION, Marshal::MINOR_VERSION

# expect: 040830 true
# expect: 040854 true
# expect: 040846 true
# expect: 04086900 true
# expect: 04086906 true
# expect: 040869fa true
# expect: 0408697f true
# expect: 040869017b true
# expect: 04086980 true
# expect: 040869ff84 true
# expect: 04086901ff true
# expect: 040869020001 true
# expect: 040869ff00 true
# expect: 04086903000001 true
# expect: 04086904ffffff3f true
# expect: 04086c2b0700000040 true
# expect: 040869fc000000c0 true
# expect: 04086c2d0701000040 true
# expect: 04086c2b0a00000000000000000100 true
# expect: 04086c2d0a00000000000000004000 true
# expect: 04086608312e35 true
# expect: 040866072d30 true
# expect: 0408660630 true
# expect: 0408660a3165313030 true
# expect: 04086608696e66 true
# expect: 0408492208616263063a064554 true
# expect: 0408492207c3a9063a064554 true
# expect: 0408220962696eff true
# expect: 04083a0873796d true
# expect: 0408493a07c3a9063a064554 true
# expect: 04085b0769065b0769075b066908 true
# expect: 04087b073a0661690649220662063a0645545b066907 true
# expect: 04086f3a0a52616e6765083a096578636c463a0a626567696e69063a08656e64690a true
# expect: 04086f3a0a52616e6765083a096578636c543a0a626567696e49220661063a0645543a08656e644922067a063b0846 true
# expect: 0408533a0650073a067869063a067949220874776f063a064554 true
# expect: 04086f3a075074063a0740615b0769066907 true
# expect: 04085b0749220b736861726564063a0645544006 true
# expect: 04087d063a066b6906690a true
# expect: 0408630b537472696e67 true
# expect: 04086d0f436f6d70617261626c65 true
# expect: 0408492f0961622b6301063a064546 true
# expect: 0408553a09437573745b07690e3a0a6578747261 true
# expect: true
# expect: ArgumentError
# expect: "boom"
# expect: 5
# expect: "no _dump_data is defined for class Proc"
# expect: "can't dump IO"
# expect: "can't dump anonymous class #<Class:X>"
# expect: [1, 2]
# expect: "incompatible marshal file format (can't be read)\n\tformat version 4.8 required; 3.0 given"
# expect: 4
# expect: 8
