# require 'pty': PTY.open gives a terminal pair, PTY.spawn runs a command on a new
# terminal (its controlling one), PTY.check reports its end, a failed exec raises.
require 'pty'
m, s = PTY.open
p m.class, s.class, s.path.start_with?("/dev/pts/"), m.sync, s.sync
s.write("ping\n")
p m.gets
m.close; s.close
r, w, pid = PTY.spawn("echo hi; read x; echo got $x; exit 3")
p r.gets
w.write("abc\n")
p r.gets
p r.gets
Process.wait(pid)
p $?.exitstatus
r2, w2, pid2 = PTY.spawn("sleep 0.3")
p PTY.check(pid2)
begin
  sleep 0.1 until PTY.check(pid2, true)
rescue PTY::ChildExited => e
  p e.message == "pty - exited: #{pid2}", e.status.class, e.status.exitstatus
end
p PTY::ChildExited.ancestors.first(3)
p((PTY.spawn("/nonexistent/x") rescue $!))
PTY.spawn("printf done") { |rr, ww, pp| p rr.read(4); Process.wait(pp) }
# expect: IO
# expect: File
# expect: true
# expect: true
# expect: true
# expect: "ping\r\n"
# expect: "hi\r\n"
# expect: "abc\r\n"
# expect: "got abc\r\n"
# expect: 3
# expect: nil
# expect: true
# expect: Process::Status
# expect: 0
# expect: [PTY::ChildExited, RuntimeError, StandardError]
# expect: #<Errno::ENOENT: No such file or directory - fork failed>
# expect: "done"
