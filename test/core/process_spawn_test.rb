p trap("EXIT") { puts "exit trap" }
p trap(:TERM) { |s| puts "term #{s}" }
Process.kill("SIGTERM", Process.pid)
p Signal.signame(15)
begin
  Process.kill("FOO", $$)
rescue ArgumentError => e
  p e
end
pid = spawn("sh", "-c", "exit 5", out: File::NULL)
p Process.waitpid(pid) == pid, $?.exitstatus
r, w = IO.pipe
pid = spawn("echo", "via spawn", out: w)
w.close
Process.wait(pid)
p r.read
pid = spawn("sh -c 'echo err 1>&2'", err: [:child, :out], out: "/tmp/mg_process_spawn_test_sp.txt")
Process.wait(pid)
p File.read("/tmp/mg_process_spawn_test_sp.txt")
pid = spawn("pwd", chdir: "/tmp", out: "/tmp/mg_process_spawn_test_sp2.txt")
Process.wait(pid)
p File.read("/tmp/mg_process_spawn_test_sp2.txt")
pid = fork { sleep 5 }
Process.kill(:KILL, pid)
Process.wait(pid)
p $?.signaled?, $?.termsig
p Process.wait(-1, Process::WNOHANG) rescue p $!.class
puts "end"

# expect: nil
# expect: "DEFAULT"
# expect: term 15
# expect: "TERM"
# expect: #<ArgumentError: unsupported signal `SIGFOO'>
# expect: true
# expect: 5
# expect: "via spawn\n"
# expect: "err\n"
# expect: "/tmp\n"
# expect: true
# expect: 9
# expect: Errno::ECHILD
# expect: end
# expect: exit trap
