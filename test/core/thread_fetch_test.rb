# Thread#fetch / #native_thread_id / #backtrace_locations / #backtrace(args),
# Thread.ignore_deadlock, ConditionVariable#marshal_dump
t = Thread.new { Thread.current[:a] = 1; sleep }
Thread.pass until t.status == "sleep"
p t.fetch(:a), t.fetch("a"), t.fetch(:b, 3), t.fetch(:b) { |k| k.to_s * 2 }
begin; t.fetch(:b); rescue KeyError => e; p e.message, e.key, e.receiver.equal?(t); end
begin; t.fetch("zz"); rescue KeyError => e; p e.message, e.key; end
begin; t.fetch(1); rescue => e; p e; end
begin; t.fetch; rescue => e; p e; end
p t.native_thread_id.class, Thread.current.native_thread_id == Process.pid
p t.backtrace_locations.class
t.kill; t.join
p t.native_thread_id, t.backtrace_locations, t.backtrace
def bt = Thread.current.backtrace
p bt.size, bt[0..1].map { |s| s.sub(/^.*:(\d+):/, 'L\1:') }
p Thread.current.backtrace(1).size, Thread.current.backtrace(0, 1).size, Thread.current.backtrace(1..1).size
p Thread.current.backtrace(5), Thread.current.backtrace(1, 0), Thread.current.backtrace(2)
begin; Thread.current.backtrace(-1); rescue => e; p e; end
begin; Thread.current.backtrace(0, -1); rescue => e; p e; end
def bl = Thread.current.backtrace_locations
p bl.map { |l| [l.lineno, l.label] }
p Thread.current.backtrace_locations(1, 1).map(&:label)
p caller(0).size, caller(0, 0), caller(-1..).size
begin; caller(-1); rescue => e; p e; end
p Thread.ignore_deadlock
Thread.ignore_deadlock = true
p Thread.ignore_deadlock
q = Thread::Queue.new
trap(:USR1) { q << :signalled }
pid = spawn("kill -USR1 #{Process.pid}")
p q.pop     # nobody else could push: without ignore_deadlock this would be fatal
Process.wait(pid)
Thread.ignore_deadlock = false
begin; Marshal.dump(Thread::ConditionVariable.new); rescue => e; p e; end
begin; Thread::ConditionVariable.new.marshal_dump; rescue => e; p e; end
# expect: 1
# expect: 1
# expect: 3
# expect: "bb"
# expect: "key not found: :b"
# expect: :b
# expect: true
# expect: "key not found: \"zz\""
# expect: "zz"
# expect: #<TypeError: 1 is not a symbol nor a string>
# expect: #<ArgumentError: wrong number of arguments (given 0, expected 1..2)>
# expect: Integer
# expect: true
# expect: Array
# expect: nil
# expect: nil
# expect: nil
# expect: 3
# expect: ["L14:in `backtrace'", "L14:in `bt'"]
# expect: 1
# expect: 1
# expect: 1
# expect: nil
# expect: []
# expect: []
# expect: #<ArgumentError: negative level (-1)>
# expect: #<ArgumentError: negative size (-1)>
# expect: [[20, "backtrace_locations"], [20, "bl"], [21, "<main>"]]
# expect: ["<main>"]
# expect: 1
# expect: []
# expect: 1
# expect: #<ArgumentError: negative level (-1)>
# expect: false
# expect: true
# expect: :signalled
# expect: #<TypeError: can't dump Thread::ConditionVariable>
# expect: #<TypeError: can't dump Thread::ConditionVariable>
