# A trap handler runs while the main thread waits in IO.select with another
# thread alive (WEBrick's shutdown from a signal depends on it).
r, w = IO.pipe
sleeper = Thread.new { sleep }
trap("TERM") { w.write "x" }
pid = spawn("kill", "-TERM", Process.pid.to_s)
ready = IO.select([r])
p ready[0] == [r], r.read_nonblock(10)
Process.wait(pid)
p $?.success?
sleeper.kill

# expect: true
# expect: "x"
# expect: true
