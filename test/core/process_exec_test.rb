# Kernel#exec / Process.exec replace the process (the child here runs them)
r, w = IO.pipe
pid = fork do
  r.close
  exec({ "MG_EXEC_T" => "hi" }, "sh", "-c", "echo $MG_EXEC_T from exec", out: w)
end
w.close
Process.wait(pid)
puts r.read
p $?.exitstatus
pid = fork { Kernel.exec("sh -c 'exit 3'") }
Process.wait(pid)
p $?.exitstatus
begin
  exec("/nonexistent/program-xyz")
rescue SystemCallError => e
  p e.class
end
p Process.respond_to?(:exec)
# expect: hi from exec
# expect: 0
# expect: 3
# expect: Errno::ENOENT
# expect: true
