# A trapped signal that arrives while File.write waits to open a FIFO (no
# reader yet) ends the open with Errno::EINTR, as in CRuby; the handler runs.
# The child signals until the parent's open has failed (a signal that lands
# before the open only runs the handler), so no timing decides the outcome.
require 'tmpdir'
Dir.mktmpdir do |d|
  f = "#{d}/f"
  File.mkfifo(f)
  got = []
  trap("USR1") { got << :usr1 }
  r, w = IO.pipe
  pid = fork do
    w.close
    loop do
      sleep 0.1
      Process.kill("USR1", Process.ppid)
      break if IO.select([r], nil, nil, 0)
    end
    exit!(0)
  end
  r.close
  p((File.write(f, "never read") rescue $!.class))
  w.close
  Process.wait(pid)
  sleep 0.01 while got.empty?
  p got.uniq
end
# expect: Errno::EINTR
# expect: [:usr1]
