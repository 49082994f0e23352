# skip under asan: ASan keeps freed memory in quarantine, so the RSS bound measures ASan, not the free
# A Random's state (2.5 KB, kept apart from its slot) is released with the
# Random: 200,000 of them made and dropped leave the process small (each
# used to stay allocated: 500 MB)
200_000.times { |i| Random.new(i) }
GC.start
rss_kb = File.read("/proc/self/status")[/VmRSS:\s+(\d+)/, 1].to_i
p rss_kb < 200_000      # expect: true
r = Random.new(7)
c = r.dup
p c.rand(100) == r.rand(100), c.seed  # expect: true
# expect: 7
