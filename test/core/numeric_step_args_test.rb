# Numeric#step validates its step as CRuby's num_step: a non-numeric step's enumerator has
# [to, step] for arguments and a size that compares the step with 0; by: nil is 1
def t; r = yield; p r; rescue NoMethodError => e; p e.class, e.name; rescue => e; puts "#{e.class}: #{e.message}"; end
t { 1.step(3, 'a').size }
t { 1.step(3, 'a') }
t { 1.step(3, 'a').to_a }
t { 1.step(3, 'a') { } }
t { 1.step(3, nil).size }
t { 1.step(3, 0).size }
t { 1.step(3, 0) { break 5 } }
t { 1.step(3, 0.0).size }
t { 1.step('x', 1).size }
t { 1.step('x', 1).to_a }
t { 1.step(nil, 2).size }
t { 1.step(by: 0).size }
t { 1.step(by: 'a').size }
t { 1.step(3, by: 1) }
t { 1.step(3, 1, by: 1) }
t { 1.step(3, to: 4) }
t { 1.step(foo: 1) }
t { 1.step(by: nil).first(2) }
t { 1.step(to: nil).first(2) }
t { 1.0.step(2.0, 0.5).to_a }
t { 1.step(2, 0.5).size }
t { 1.step(3, 1r).to_a }
t { 1.step(3, Complex(1, 0)).size }
t { 1.step(Float::INFINITY, 2).size }
t { 1.step(-Float::INFINITY, -2).size }
t { 1.step(3, -1).size }
t { 1.step(3, 1).inspect }
t { 1.step(3, 'a').inspect }
t { 1.step(by: 2, to: 5).inspect }
t { 1.step(3, 1).class }
t { 1.step(3, 'a').class }
t { 1.step(3, 2**70).size }
t { (2**70).step(2**71, 2**69).size }
t { 1.step(10, 3).last(2) }
t { 1.step(10, 3) == 1.step(10, 3) }
t { 1.0.step(by: 0.1, to: 1.3).to_a }
t { 1.step(3, "1".to_c) rescue p $! }
t { 1.step(3, Object.new).size }
t { 1.step(3, nil) { } }
t { 1.step(nil, nil) { break 4 } }
t { 1.step(3, "a") }
t { 1.step(by: "a") }
t { 1.step(3, by: "a") }
t { 1.step(3, Object.new) { } }
t { 1.step(3, "a") { } }
t { 1.step(3, by: nil) { break 7 } }
t { 1.step(3, "a").size }
t { 1.step(3, Object.new).size }
t { 1.step(3, by: "a").size }
t { e = 1.step(by: nil); [e.size, e.first(2)] }
t { e = 1.step(3, by: "a"); e.size }
t { 2.div(Complex(1, 0)) }
t { 2.div(1r) }
t { 1.step(3, 0.5).size }
t { r = []; 1.step(by: 2) { |i| r << i; break r if i > 6 } }
t { r = []; 1.0.step(by: -1) { |i| r << i; break r if i < -2 } }
t { r = []; 1r.step(2, 1/2r) { |i| r << i }; r }
# expect: ArgumentError: comparison of String with 0 failed
# expect: #<Enumerator: 1:step(3, "a")>
# expect: ArgumentError: comparison of String with 0 failed
# expect: ArgumentError: comparison of String with 0 failed
# expect: 3
# expect: ArgumentError: step can't be 0
# expect: ArgumentError: step can't be 0
# expect: ArgumentError: step can't be 0
# expect: ArgumentError: comparison of Integer with String failed
# expect: ArgumentError: comparison of Integer with String failed
# expect: Infinity
# expect: ArgumentError: step can't be 0
# expect: ArgumentError: comparison of String with 0 failed
# expect: (1.step(3, by: 1))
# expect: ArgumentError: step is given twice
# expect: ArgumentError: to is given twice
# expect: ArgumentError: unknown keyword: :foo
# expect: [1, 2]
# expect: [1, 2]
# expect: [1.0, 1.5, 2.0]
# expect: 3
# expect: [1, (2/1), (3/1)]
# expect: NoMethodError
# expect: :div
# expect: Infinity
# expect: Infinity
# expect: 0
# expect: "(1.step(3, 1))"
# expect: "#<Enumerator: 1:step(3, \"a\")>"
# expect: "(1.step(by: 2, to: 5))"
# expect: Enumerator::ArithmeticSequence
# expect: Enumerator
# expect: 1
# expect: 3
# expect: [7, 10]
# expect: true
# expect: [1.0, 1.1, 1.2, 1.3]
# expect: (1.step(3, (1+0i)))
# expect: TypeError: 0 can't be coerced into Object
# expect: TypeError: step must be numeric
# expect: TypeError: step must be numeric
# expect: #<Enumerator: 1:step(3, "a")>
# expect: #<Enumerator: 1:step(nil, "a")>
# expect: #<Enumerator: 1:step(3, "a")>
# expect: TypeError: 0 can't be coerced into Object
# expect: ArgumentError: comparison of String with 0 failed
# expect: 7
# expect: ArgumentError: comparison of String with 0 failed
# expect: TypeError: 0 can't be coerced into Object
# expect: ArgumentError: comparison of String with 0 failed
# expect: [Infinity, [1, 2]]
# expect: ArgumentError: comparison of String with 0 failed
# expect: NoMethodError
# expect: :div
# expect: 2
# expect: 5
# expect: [1, 3, 5, 7]
# expect: [1.0, 0.0, -1.0, -2.0, -3.0]
# expect: [(1/1), (3/2), (2/1)]
