File.write("/tmp/mg_io_reopen_test_ro1.txt", "")
f = File.open("/tmp/mg_io_reopen_test_ro1.txt", "w")
r, w = IO.pipe
pid = fork do
  $stdout.reopen(w)
  r.close
  puts "from child"
  exit!(0)
end
w.close
Process.wait(pid)
p r.read
old = $stdout.dup rescue nil
f.reopen("/tmp/mg_io_reopen_test_ro2.txt", "w")
f.puts "reopened"
f.close
p File.read("/tmp/mg_io_reopen_test_ro2.txt")
begin
  IO.popen(["/nonexistent/cmd"]).read
rescue SystemCallError => e
  p e.class
end

# expect: "from child\n"
# expect: "reopened\n"
# expect: Errno::ENOENT
