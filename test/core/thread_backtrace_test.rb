# Thread#backtrace of a waiting thread, a dead one, one not started
def waiter = sleep
t = Thread.new { waiter }
Thread.pass until t.stop?
p t.backtrace.map { |l| File.basename(l) }
t.kill.join
p t.backtrace
# expect: ["thread_backtrace_test.rb:2:in `sleep'", "thread_backtrace_test.rb:2:in `waiter'", "thread_backtrace_test.rb:3:in `block in <main>'"]
# expect: nil
