# a write to a pipe whose reader is gone raises Errno::EPIPE (the process is not
# killed by SIGPIPE); a child process gets SIGPIPE's default action back
r, w = IO.pipe
r.close
begin
  w.write("x" * 100)
  w.flush
rescue Errno::EPIPE => e
  p e.class
end
system("sh", "-c", 'kill -PIPE $$')
p $?.termsig
p `sh -c 'kill -PIPE $$; echo survived'`
p $?.termsig
# expect: Errno::EPIPE
# expect: 13
# expect: ""
# expect: nil
