# Monitor and MonitorMixin (src/ext/monitor.c over Thread::Mutex)
require "monitor"
m = Monitor.new
r = m.synchronize { m.synchronize { m.mon_owned? } }
p r, m.mon_locked?, m.try_enter, m.mon_locked?
m.exit
p m.mon_locked?
begin
  m.exit
rescue ThreadError => e
  p e.message
end
class Buf
  include MonitorMixin
  def initialize
    super()
    @items = []
    @cond = new_cond
  end
  def push(x) = synchronize { @items << x; @cond.signal; self }
  def size = synchronize { @items.size }
end
b = Buf.new
b.push(1).push(2)
p b.size, b.mon_locked?
o = Object.new.extend(MonitorMixin)
p o.mon_synchronize { :in }

# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: "current fiber not owner"
# expect: 2
# expect: false
# expect: :in
