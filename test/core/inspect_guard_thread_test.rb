# The recursion guard of inspect / == / hash is per thread and per fiber:
# another thread's or fiber's unfinished inspect of the same array is no recursion
class Slow
  def initialize(started, go)
    @started, @go, @calls = started, go, 0
  end

  def inspect
    @calls += 1
    if @calls == 1
      @started << true
      @go.pop
    end
    "slow"
  end
end
started = Queue.new
go = Queue.new
a = [1, Slow.new(started, go)]
t = Thread.new { a.inspect }
started.pop
p a
h = { k: a }
p h
go << true
p t.value

$depth = 0
class InFiber
  def inspect
    $depth += 1
    return "F" if $depth > 1
    Fiber.new { $arr.inspect }.resume
  end
end
$arr = [InFiber.new]
p $arr.inspect

r = [1]
r << r
p r, r.to_s
x = { a: 1 }
x[:self] = x
p x
e = Enumerator.new { |y| y << r.inspect }
p e.next
S = Struct.new(:me)
s = S.new
s.me = s
p s
p [r, r].hash == [r, r].hash
# expect: [1, slow]
# expect: {:k=>[1, slow]}
# expect: "[1, slow]"
# expect: "[[F]]"
# expect: [1, [...]]
# expect: "[1, [...]]"
# expect: {:a=>1, :self=>{...}}
# expect: "[1, [...]]"
# expect: #<struct S me=#<struct S:...>>
# expect: true
