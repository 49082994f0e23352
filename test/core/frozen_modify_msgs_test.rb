# A frozen object cannot be extended nor a frozen class include/prepend a module;
# FrozenError names a frozen class's or module's singleton "Class"/"Module" and
# formats the object with to_s, as CRuby 3.1; Kernel#then's and #yield_self's enumerators have size 1 and their own names
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
C = Class.new.freeze
M = Module.new.freeze
a = [1].freeze
r = 1r
t { (1..2).extend(Comparable) }
t { a.extend(Comparable) }
t { C.extend(Comparable) }
t { C.include(Comparable) }
t { C.prepend(Comparable) }
t { def C.zz; end }
t { def M.zz; end }
t { def r.zz; end }
t { def a.zz; end }
t { C.class_eval { def zz; end } }
t { M.module_eval { def zz; end } }
t { 1.5.extend(Comparable) }
t { Object.new.extend(Comparable).is_a?(Comparable) }
t { 1.then.size }
t { 1.then.to_a }
t { [1.yield_self.inspect, 1.yield_self.size, 1.then.inspect] }
# expect: FrozenError: can't modify frozen object: 1..2
# expect: FrozenError: can't modify frozen object: [1]
# expect: FrozenError: can't modify frozen Class: C
# expect: FrozenError: can't modify frozen class: C
# expect: FrozenError: can't modify frozen class: C
# expect: FrozenError: can't modify frozen Class: C
# expect: FrozenError: can't modify frozen Module: M
# expect: FrozenError: can't modify frozen object: 1/1
# expect: FrozenError: can't modify frozen object: [1]
# expect: FrozenError: can't modify frozen class: C
# expect: FrozenError: can't modify frozen module: M
# expect: TypeError: can't define singleton
# expect: true
# expect: 1
# expect: [1]
# expect: ["#<Enumerator: 1:yield_self>", 1, "#<Enumerator: 1:then>"]
