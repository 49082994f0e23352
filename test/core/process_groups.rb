# Sessions and process groups, Process::Status of a stopped child, close_on_exec.
p Process.getpgrp == Process.getpgid(0), Process.getsid == Process.getsid(Process.pid)
r, w = IO.pipe
pid = fork do
  r.close
  sid = Process.setsid
  w.puts [sid == Process.pid, Process.getpgrp == Process.pid, Process.getsid == Process.pid].inspect
  w.close
  exit!(0)
end
w.close
puts r.read
Process.wait(pid)
pid = fork { sleep 5; exit!(0) }
Process.kill(:STOP, pid)
Process.waitpid(pid, Process::WUNTRACED)
p $?.stopped?, $?.stopsig == Signal.list["STOP"], $?.exited?, $?.coredump?
Process.kill(:KILL, pid)
Process.wait(pid)
p $?.stopped?, $?.signaled?, $?.stopsig
r, w = IO.pipe
p r.close_on_exec?
r.close_on_exec = false
p r.close_on_exec?
p((Process.setpgid(-1, 0) rescue $!.class))
# expect: true
# expect: true
# expect: [true, true, true]
# expect: true
# expect: true
# expect: false
# expect: false
# expect: false
# expect: true
# expect: nil
# expect: true
# expect: false
# expect: Errno::EINVAL
