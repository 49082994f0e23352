# Thread exceptions: join and value re-raise, status nil, report_on_exception, ThreadError messages
Thread.report_on_exception = false
t = Thread.new { raise ArgumentError, "bad" }
begin
  t.join
rescue => e
  p [e.class, e.message]
end
begin
  t.value
rescue => e
  p [e.class, e.message]
end
p t.status, t.alive?
p Thread.report_on_exception, Thread.new {}.report_on_exception
Thread.report_on_exception = true
t = Thread.new {}
p t.report_on_exception
t.report_on_exception = false
p t.report_on_exception
p Thread.abort_on_exception, t.abort_on_exception
begin; Thread.new; rescue ThreadError => e; p e.message; end
begin; Thread.current.join; rescue ThreadError => e; p e.message; end
# an exception's backtrace is the thread's own
def failing = raise("in thread")
t = Thread.new { Thread.current.report_on_exception = false; failing }
begin
  t.join
rescue => e
  p e.backtrace.size >= 2, e.backtrace[0][/in `.*'/]
end
# rescue inside the thread
p Thread.new { begin; raise "x"; rescue => e; e.message; end }.value
# kill the current thread from inside
p Thread.new { Thread.current.kill; :not_reached }.value
p Thread.new { Thread.exit; :not_reached }.value
# expect: [ArgumentError, "bad"]
# expect: [ArgumentError, "bad"]
# expect: nil
# expect: false
# expect: false
# expect: false
# expect: true
# expect: false
# expect: false
# expect: false
# expect: "must be called with a block"
# expect: "Target thread must not be current thread"
# expect: true
# expect: "in `failing'"
# expect: "x"
# expect: nil
# expect: nil
