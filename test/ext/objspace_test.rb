require 'objspace'
p ObjectSpace.reachable_objects_from(1), ObjectSpace.reachable_objects_from([1, "a", :b]).map(&:class)
p ObjectSpace.memsize_of(1), ObjectSpace.memsize_of("a" * 1000) > 1000, ObjectSpace.memsize_of([]) > 0
p ObjectSpace.memsize_of([1] * 1000) > ObjectSpace.memsize_of([1])
ObjectSpace.trace_object_allocations { $o = Object.new; $s = "x" * 10 }
p File.basename(ObjectSpace.allocation_sourcefile($o)), ObjectSpace.allocation_sourceline($o), ObjectSpace.allocation_method_id($o), ObjectSpace.allocation_class_path($o)
def m = Object.new
o2 = nil
ObjectSpace.trace_object_allocations { o2 = m }
p ObjectSpace.allocation_method_id(o2), ObjectSpace.allocation_class_path(o2), ObjectSpace.allocation_sourcefile(Object.new)
p ObjectSpace.allocation_generation($o).is_a?(Integer)
p ObjectSpace.count_objects_size.keys.include?(:TOTAL), ObjectSpace.memsize_of_all(String) > 0
p ObjectSpace.reachable_objects_from(Struct.new(:a).new("q")).map(&:class)
h = ObjectSpace.count_tdata_objects
p h.is_a?(Hash), h.values.all? { |v| v.is_a?(Integer) && v > 0 }
GC.start
p ObjectSpace.allocation_sourceline($o)
ObjectSpace.trace_object_allocations_start
x = [1, 2]
ObjectSpace.trace_object_allocations_stop
p ObjectSpace.allocation_sourceline(x), ObjectSpace.allocation_sourceline([3])
ObjectSpace.trace_object_allocations_clear
p ObjectSpace.allocation_sourceline(x)
# expect: nil
# expect: [Class, String]
# expect: 0
# expect: true
# expect: true
# expect: true
# expect: "objspace_test.rb"
# expect: 5
# expect: :new
# expect: "Class"
# expect: :new
# expect: "Class"
# expect: nil
# expect: true
# expect: true
# expect: true
# expect: [Class, String]
# expect: true
# expect: true
# expect: 5
# expect: 19
# expect: nil
# expect: nil
