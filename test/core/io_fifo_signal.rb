# A signal that arrives while File.write blocks opening a FIFO (no reader
# yet) runs its trap handler; the open then goes on, and the write lands.
require 'tmpdir'
Dir.mktmpdir do |d|
  f = "#{d}/f"
  File.mkfifo(f)
  got = []
  trap("USR1") { got << :usr1 }
  r, w = IO.pipe
  pid = fork do
    r.close
    sleep 0.2
    Process.kill("USR1", Process.ppid)
    sleep 0.2
    w.write(File.read(f))
    exit!(0)
  end
  w.close
  p File.write(f, "through the FIFO")
  Process.wait(pid)
  p got
  p r.read
end
# expect: 16
# expect: [:usr1]
# expect: "through the FIFO"
