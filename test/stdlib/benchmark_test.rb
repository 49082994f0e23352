# benchmark.rb: realtime, measure, Tms (over Process.clock_gettime / Process.times)
require "benchmark"
r = Benchmark.realtime { 1 + 1 }
p r.class, r >= 0
t = Benchmark.measure { 100.times { } }
p t.class, t.real >= 0, t.utime.class
out = Benchmark::CAPTION
p out
p Benchmark::Tms.new(1, 2, 3, 4, 5).total
res = nil
res = Benchmark.bm(5) { |x| x.report("a:") { 1 } } if false
p Benchmark.respond_to?(:bmbm)

# expect: Float
# expect: true
# expect: Benchmark::Tms
# expect: true
# expect: Float
# expect: "      user     system      total        real\n"
# expect: 10
# expect: true
