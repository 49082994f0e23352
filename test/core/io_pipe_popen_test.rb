r, w = IO.pipe
w.write("hello")
w.close
p r.read
p r.closed?
IO.pipe { |a, b| b.puts "x"; p a.gets }
r, w = IO.pipe
w << "abcdef"
p r.readpartial(3), r.readpartial(100)
p r.read_nonblock(10, exception: false)
begin
  r.read_nonblock(10)
rescue IO::WaitReadable => e
  p e.class, e.message
end
w.close
begin; r.readpartial(1); rescue EOFError => e; p e; end
p IO.popen("echo hi").read
p IO.popen(["echo", "a b"]) { |io| io.read }
p $?.success?
p IO.popen("cat", "r+") { |io| io.write "round"; io.close_write; io.read }
IO.popen("cat > /tmp/mg_io_pipe_popen_test_pw.txt", "w") { |io| io.puts "written" }
p File.read("/tmp/mg_io_pipe_popen_test_pw.txt")
p IO.popen("exit 3").read, $?.exitstatus
r, w = IO.pipe
p IO.select([r], nil, nil, 0)
w.write "z"
p IO.select([r], [w], nil, 1).map(&:size)
fd = IO.sysopen("/tmp/mg_io_pipe_popen_test_pw.txt") rescue fd = nil
io = IO.for_fd(r.fileno)
p io.sysread(1)
File.write("/tmp/mg_io_pipe_popen_test_cs1.txt", "0123456789")
p IO.copy_stream("/tmp/mg_io_pipe_popen_test_cs1.txt", "/tmp/mg_io_pipe_popen_test_cs2.txt")
p File.read("/tmp/mg_io_pipe_popen_test_cs2.txt")
File.open("/tmp/mg_io_pipe_popen_test_cs1.txt") { |s| File.open("/tmp/mg_io_pipe_popen_test_cs3.txt", "w") { |d| p IO.copy_stream(s, d, 4) } }
p File.read("/tmp/mg_io_pipe_popen_test_cs3.txt")
p IO.copy_stream("/tmp/mg_io_pipe_popen_test_cs1.txt", "/tmp/mg_io_pipe_popen_test_cs3.txt", 3, 5), File.read("/tmp/mg_io_pipe_popen_test_cs3.txt")

# expect: "hello"
# expect: false
# expect: "x\n"
# expect: "abc"
# expect: "def"
# expect: :wait_readable
# expect: IO::EAGAINWaitReadable
# expect: "Resource temporarily unavailable - read would block"
# expect: #<EOFError: end of file reached>
# expect: "hi\n"
# expect: "a b\n"
# expect: true
# expect: "round"
# expect: "written\n"
# expect: ""
# expect: 0
# expect: nil
# expect: [1, 1, 0]
# expect: "z"
# expect: 10
# expect: "0123456789"
# expect: 4
# expect: "0123"
# expect: 3
# expect: "567"
