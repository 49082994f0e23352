class Foo; end
class Bar < Foo; end
class Baz < Bar; end
p ObjectSpace.each_object(Class).select { |c| c < Foo }.sort_by(&:name)
module M; end
class Q; include M; end
p ObjectSpace.each_object(Module).include?(M)
keep = [Foo.new, Foo.new, Bar.new]
p ObjectSpace.each_object(Foo).count
p ObjectSpace.each_object(Foo) { }
c = GC.count
GC.start
p GC.count > c
s = GC.stat
p %i[count heap_live_slots total_allocated_objects total_freed_objects].all? { |k| s[k].is_a?(Integer) }
p GC.stat(:count) == GC.count
p GC.disable, GC.disable, GC.enable, GC.enable
h = ObjectSpace.count_objects
p h[:TOTAL] > 0, h[:T_STRING] > 0, h.key?(:FREE)
p ObjectSpace.each_object(Class).is_a?(Enumerator)
begin; ObjectSpace.each_object(3) { }; rescue TypeError => e; p e; end

# expect: [Bar, Baz]
# expect: true
# expect: 3
# expect: 3
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: #<TypeError: class or module required>
