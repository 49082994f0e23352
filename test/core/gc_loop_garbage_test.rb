# A long each/times loop must not keep its block's temporaries alive until
# the loop ends: after GC.start inside the loop, the live count is near the
# count before it.
GC.start
before = GC.stat(:heap_live_slots)
grew = nil
200_000.times do |i|
  "x" * 10
  [i, i]
  if i == 199_999
    GC.start
    grew = GC.stat(:heap_live_slots) - before
  end
end
p grew < 20_000  # expect: true
h = {}
50_000.times { |i| h[i] = i }
GC.start
before = GC.stat(:heap_live_slots)
h.each do |k, v|
  "y" * 10
  if k == 49_999
    GC.start
    grew = GC.stat(:heap_live_slots) - before
  end
end
p grew < 20_000  # expect: true
