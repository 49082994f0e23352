# More loops that discard their block's value release its temporaries at once:
# after GC.start inside the last iteration the live count is near the count
# before the loop (each_slice, each_char, step, bignum ranges, combination,
# IO and StringIO each_line / each_char ...)
def grew_during(n)
  GC.start
  before = GC.stat(:heap_live_slots)
  grew = nil
  i = 0
  yield(lambda do
    "x" * 10
    [i, i]
    i += 1
    if i == n
      GC.start
      grew = GC.stat(:heap_live_slots) - before
    end
  end)
  grew
end
N = 30_000
r = []
r << grew_during(N / 2) { |f| (1..N).each_slice(2) { |a| f.call } }
r << grew_during(N - 1) { |f| (1..N).each_cons(2) { |a| f.call } }
r << grew_during(N) { |f| (1..N).each_with_object([]) { |x, m| f.call } }
r << grew_during(N) { |f| ("ab" * (N / 2)).each_char { |c| f.call } }
r << grew_during(N) { |f| ("a\n" * N).each_line { |l| f.call } }
r << grew_during(N) { |f| (1..N).step(1) { |x| f.call } }
r << grew_during(N) { |f| 1.0.step(N.to_f, 1.0) { |x| f.call } }
r << grew_during(N) { |f| (2**64...2**64 + N).each { |x| f.call } }
r << grew_during(N) { |f| (2**64).upto(2**64 + N - 1) { |x| f.call } }
r << grew_during(150 * 299) { |f| (1..300).to_a.combination(2) { |c| f.call } }
r << grew_during(N) { |f| ("a" * N).gsub(/a/) { f.call; "b" } }
r << grew_during(N) { |f| ("a" * N).scan(/a/) { f.call } }
r << grew_during(N) { |f| [1, 2].cycle(N / 2) { |x| f.call } }
r << grew_during(N) { |f| h = {}; N.times { |k| h[k] = k }; GC.start; h.each_with_index { |kv, k| f.call } }
require "stringio"
r << grew_during(N) { |f| StringIO.new("ab\n" * N).each_line { |l| f.call } }
r << grew_during(N) { |f| StringIO.new("a" * N).each_char { |c| f.call } }
path = "/tmp/maglev_gc_loop_garbage2_#{$$}.txt"
File.write(path, "ab\n" * N)
r << grew_during(N) { |f| File.open(path) { |io| io.each_line { |l| f.call } } }
r << grew_during(N) { |f| File.foreach(path) { |l| f.call } }
r << grew_during(N * 3) { |f| File.open(path) { |io| io.each_char { |c| f.call } } }
File.delete(path)
p r.map { |g| g < 10_000 }
# expect: [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true]
