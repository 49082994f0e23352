# Marshal keeps a Random's state (CRuby's [state, left, seed] form)
r = Random.new(5); r.rand
d = r.send(:marshal_dump)
p d[1], d[2], d[0] % 1000003, r.send(:left)   # expect: 623
# expect: 5
# expect: 379579
# expect: 623
r2 = Marshal.load(Marshal.dump(r))
p r2.rand == r.rand, r2.seed                  # expect: true
# expect: 5
p Marshal.dump(Random.new(2**80)).bytesize    # expect: 2531
p Marshal.load(Marshal.dump(Random.new(7))).rand(1000)   # expect: 175
p r.private_methods(false).include?(:marshal_dump), r.respond_to?(:state)   # expect: true
# expect: false
