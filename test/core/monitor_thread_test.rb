# Monitor (monitor.rb) on green threads: reentrant synchronize, MonitorMixin conditions
require "monitor"
mon = Monitor.new
count = 0
ths = 3.times.map do
  Thread.new do
    50.times do
      mon.synchronize do
        mon.synchronize do
          c = count
          Thread.pass
          count = c + 1
        end
      end
    end
  end
end
ths.each(&:join)
p count
p mon.mon_locked?, mon.mon_owned?
mon.enter
p mon.mon_locked?, mon.mon_owned?, Thread.new { mon.mon_owned? }.value, Thread.new { mon.try_enter }.value
mon.exit

class Mailbox
  include MonitorMixin
  def initialize
    super()
    @items = []
    @cond = new_cond
  end

  def put(x)
    synchronize do
      @items << x
      @cond.signal
    end
  end

  def take
    synchronize do
      @cond.wait_while { @items.empty? }
      @items.shift
    end
  end
end
box = Mailbox.new
reader = Thread.new { 4.times.map { box.take } }
4.times { |i| box.put(i * 2) }
p reader.value
# expect: 150
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: false
# expect: [0, 2, 4, 6]
