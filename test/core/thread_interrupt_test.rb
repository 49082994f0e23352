# Thread.handle_interrupt defers Thread#raise until the block is left
log = []
t = Thread.new do
  Thread.handle_interrupt(RuntimeError => :never) do
    log << :start
    Thread.stop
    log << :inside_done
  end
  log << :after
rescue => e
  log << [:rescued, e.message]
end
Thread.pass until t.stop?
t.raise("deferred")
t.run
t.join
p log
p Thread.pending_interrupt?
p Thread.handle_interrupt(Object => :immediate) { 5 }
p Thread.current.backtrace.class
# expect: [:start, :inside_done, [:rescued, "deferred"]]
# expect: false
# expect: 5
# expect: Array
