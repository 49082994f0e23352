# GC.stress / total_time / measure_total_time / latest_gc_info / auto_compact /
# latest_compact_info / verify_*, GC#garbage_collect, ObjectSpace._id2ref
# (GC.compact is NotImplementedError here: the collector does not move objects)
p GC.stress, (GC.stress = false), GC.auto_compact, GC.latest_gc_info.keys.sort, GC.total_time.class, GC.measure_total_time
p GC.latest_compact_info, GC.using_rvargc?, GC.verify_internal_consistency, GC.verify_transient_heap_internal_consistency
GC.start
p GC.latest_gc_info(:major_by), GC.latest_gc_info(:gc_by), GC.latest_gc_info(:immediate_sweep), GC.latest_gc_info[:state]
begin; GC.latest_gc_info(:bogus); rescue => e; p e; end
begin; GC.latest_gc_info("x"); rescue => e; p e; end
h = {}; GC.latest_gc_info(h); p h.keys.sort
p GC.stress = 1, GC.stress
GC.stress = true
a = (1..50).map { |i| [i.to_s * 3, {i => i.to_s}] }
GC.stress = false
p a.size, a[49][1][50], GC.stress
t = GC.total_time; GC.start; p GC.total_time >= t
p (GC.measure_total_time = false), GC.measure_total_time
t = GC.total_time; GC.start; p GC.total_time == t
GC.measure_total_time = true
p GC.auto_compact = false
o = Object.new
p ObjectSpace._id2ref(o.object_id).equal?(o), ObjectSpace._id2ref(nil.object_id), ObjectSpace._id2ref(1.object_id), ObjectSpace._id2ref(true.object_id), ObjectSpace._id2ref(false.object_id), ObjectSpace._id2ref(:sym_for_id.object_id)
s = "str"; p ObjectSpace._id2ref(s.object_id).equal?(s)
begin; ObjectSpace._id2ref("x"); rescue => e; p e; end
begin; ObjectSpace._id2ref(2**70); rescue => e; p e; end
module UsesGC; include GC; end
p UsesGC.instance_method(:garbage_collect).owner
begin; ObjectSpace._id2ref(123456789012); rescue => e; p e; end
# expect: false
# expect: false
# expect: false
# expect: [:gc_by, :have_finalizer, :immediate_sweep, :major_by, :state]
# expect: Integer
# expect: true
# expect: {:considered=>{}, :moved=>{}}
# expect: false
# expect: nil
# expect: nil
# expect: :force
# expect: :method
# expect: true
# expect: :none
# expect: #<ArgumentError: unknown key: bogus>
# expect: #<TypeError: non-hash or symbol given>
# expect: [:gc_by, :have_finalizer, :immediate_sweep, :major_by, :state]
# expect: 1
# expect: 1
# expect: 50
# expect: "50"
# expect: false
# expect: true
# expect: false
# expect: false
# expect: true
# expect: false
# expect: true
# expect: nil
# expect: 1
# expect: true
# expect: false
# expect: :sym_for_id
# expect: true
# expect: #<TypeError: no implicit conversion of String into Integer>
# expect: #<RangeError: "1180591620717411303424" is not id value>
# expect: GC
# expect: #<RangeError: "123456789012" is not id value>
