# Deeply nested data and code: what CRuby manages works, what is too deep
# raises SystemStackError -- never a crash of the process
def nest(n) = (a = []; n.times { a = [a] }; a)
def depth(a) = (d = 0; (d += 1; a = a[0]) while a[0]; d)
p depth(Marshal.load(Marshal.dump(nest(8000))))   # expect: 8000
h = {}
2000.times { h = {a: h} }
p Marshal.load(Marshal.dump(h)) == h   # expect: true
S = Struct.new(:x)
x = nil
2000.times { x = S.new(x) }
p Marshal.load(Marshal.dump(x)).x.x.class   # expect: S
begin
  [nest(200_000)] <=> [nest(200_000)]
rescue SystemStackError => e
  puts e.class   # expect: SystemStackError
end
begin
  eval("1" + "+1" * 100_000)
rescue SystemStackError => e
  puts e.class   # expect: SystemStackError
end
p eval("1" + "+1" * 1000)   # expect: 1001
