p Signal.list["INT"]
p trap("USR1") { |s| puts "got #{s}" }
Process.kill("USR1", Process.pid)
puts "after"
p trap("USR1", "IGNORE").class
Process.kill(:USR1, $$)
p trap("USR1", "DEFAULT")
pid = fork { puts "child"; exit 3 }
Process.wait(pid)
p $?.exitstatus
pid = spawn("echo", "hi")
p Process.wait2(pid)[1].success?
r = fork { at_exit { puts "child at_exit" }; puts "c2" }
Process.wait(r); p $?.exitstatus
pid = fork { exit!(4) }
p Process.wait2(pid)[1].exitstatus
begin
  trap("SEGV") {}
rescue ArgumentError => e
  p e
end
begin
  trap("KILL") {}
rescue => e
  p e
end
begin
  Process.kill("INT", $$)
  sleep 1
rescue Interrupt => e
  p e
end

# expect: 2
# expect: "DEFAULT"
# expect: got 10
# expect: after
# expect: Proc
# expect: "IGNORE"
# expect: child
# expect: 3
# expect: hi
# expect: true
# expect: c2
# expect: child at_exit
# expect: 0
# expect: 4
# expect: #<ArgumentError: can't trap reserved signal: SIGSEGV>
# expect: #<Errno::EINVAL: Invalid argument - SIGKILL>
# expect: Interrupt
