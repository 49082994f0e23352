# SIGINT with the default handler raises Interrupt in the main program; uncaught,
# the process ends by SIGINT as CRuby's does (the shell shows status 130)
pid = fork do
  Process.kill("INT", Process.pid)
  sleep 1
  puts "not reached"
end
Process.wait(pid)
p $?.signaled?, $?.termsig, $?.exitstatus
begin
  Process.kill("INT", Process.pid)
  sleep 1
rescue Interrupt => e
  p e.class, e.message
end
old = trap("INT") { puts "trapped" }
p old
Process.kill("INT", Process.pid)
p trap("INT", "DEFAULT").class

# expect: true
# expect: 2
# expect: nil
# expect: Interrupt
# expect: ""
# expect: "DEFAULT"
# expect: trapped
# expect: Proc
