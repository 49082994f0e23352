# Array: error classes and messages
def t
  yield
rescue => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
end
a = [1, 2, 3]
t { a.fetch(10) }  # expect: IndexError: index 10 outside of array bounds: -3...3
t { a.fetch(-10) }  # expect: IndexError: index -10 outside of array bounds: -3...3
t { a[-5] = 1 }  # expect: IndexError: index -5 too small for array; minimum: -3
t { a[-5, 1] = 1 }  # expect: IndexError: index -5 too small for array; minimum: -3
t { a[1, -1] = 1 }  # expect: IndexError: negative length (-1)
t { a[-5..-1] = 1 }  # expect: RangeError: -5..-1 out of range
t { a.first(-1) }  # expect: ArgumentError: negative array size
t { a.last(-1) }  # expect: ArgumentError: negative array size
t { Array.new(-1) }  # expect: ArgumentError: negative array size
t { Array.new(2**62) }  # expect: ArgumentError: array size too big
t { [1, 2].sample(-1) }  # expect: ArgumentError: negative sample number
t { [1, "a"].sort }  # expect: ArgumentError: comparison of Integer with String failed
t { [3, nil].sort }  # expect: ArgumentError: comparison of Integer with nil failed
t { [1, 2].max_by(&:foo) }  # expect: NoMethodError: undefined method `foo' for 1:Integer
t { x = [1]; x << x; x.join }  # expect: ArgumentError: recursive array join
t { [1, 2].first("a") }  # expect: TypeError: no implicit conversion of String into Integer
t { [1, 2][nil] }  # expect: TypeError: no implicit conversion from nil to integer
t { [1, 2].pop(-1) }  # expect: ArgumentError: negative array size
t { [1, 2] * -1 }  # expect: ArgumentError: negative argument
t { [1, 2].insert(-5, 1) }  # expect: IndexError: index -5 too small for array; minimum: -3
t { [1, [2]].transpose }  # expect: TypeError: no implicit conversion of Integer into Array
t { [[1, 2], [3]].transpose }  # expect: IndexError: element size differs (1 should be 2)
t { [1, 2].zip(1) }  # expect: TypeError: wrong argument type Integer (must respond to :each)
t { [1, 2].to_h }  # expect: TypeError: wrong element type Integer at 0 (expected array)
t { [[1]].to_h }  # expect: ArgumentError: wrong array length at 0 (expected 2, was 1)
t { [1, 2].each_slice(0) }  # expect: ArgumentError: invalid slice size
t { [1, 2].each_cons(0) }  # expect: ArgumentError: invalid size
t { [1, 2].take(-1) }  # expect: ArgumentError: attempt to take negative size
t { [1, 2].drop(-1) }  # expect: ArgumentError: attempt to drop negative size
t { [3, 4].dig(0, 1) }  # expect: TypeError: Integer does not have #dig method
t { [1, 2].sum("") }  # expect: TypeError: String can't be coerced into Integer
t { [1, 2].inject }  # expect: LocalJumpError: no block given
t { [1, 2].freeze << 3 }  # expect: FrozenError: can't modify frozen Array: [1, 2]
t { [1, 2].freeze.map! { |x| x } }  # expect: FrozenError: can't modify frozen Array: [1, 2]
t { [1, 2].freeze.sort! }  # expect: FrozenError: can't modify frozen Array: [1, 2]
t { [].freeze.clear }  # expect: FrozenError: can't modify frozen Array: []
t { [1, 2] + nil }  # expect: TypeError: no implicit conversion of nil into Array
t { [1, 2] - 1 }  # expect: TypeError: no implicit conversion of Integer into Array
t { [1].product(1) }  # expect: TypeError: no implicit conversion of Integer into Array
