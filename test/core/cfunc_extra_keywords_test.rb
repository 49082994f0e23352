# A C method that takes no keywords counts a keywords Hash as an argument, as CRuby's
# (1.succ(a: 1) is given 1, expected 0); the ones that take keywords still do
def t; p yield; rescue => e; puts "#{e.class}: #{e.message}"; end
t { 1.succ(a: 1) }
t { 1.succ(**{}) }
t { 1.succ(**{a: 1}) }
t { 1.+(1, a: 2) }
t { 1.fdiv(2, k: 1) }
t { Integer.sqrt(4, a: 1) }
t { [3, 1].sort(k: 1) }
t { [1].push(a: 1) }
t { [].first(a: 1) }
t { proc { |x| }.parameters(lambda: true) }
t { 1.5.round(half: :even) }
t { 2.5.round(half: :even) }
t { 25.round(-1, half: :down) }
t { 1.5.round(1, 2, half: :up) }
t { 1.5.floor(1, half: :up) }
t { 1.5.floor(half: :up) }
t { 1.clone(freeze: true) }
t { "a".clone(freeze: false).frozen? }
t { Object.new.clone(1, freeze: true) }
t { 1.step(10, by: 3).to_a }
t { 1.step(by: 3, to: 7).to_a }
t { Time.new(2000, 1, 1, 0, 0, 0, in: "+09:00").utc_offset }
t { Time.new(2000, 1, 1, 0, 0, 0, "+01:00", in: "+09:00").utc_offset }
t { KeyError.new("m", receiver: 1, key: 2).key }
t { NameError.new("m", :x, receiver: 5).receiver }
t { FrozenError.new("m", receiver: 3).receiver }
t { NoMethodError.new("m", :x, [1], receiver: 9).receiver }
t { RuntimeError.new("x").full_message(highlight: false, order: :top) }
t { Dir.glob("*.nonexist", base: "/tmp") }
t { "a\nb".each_line(chomp: true).to_a }
t { :a.to_proc.call("x", k: 1) }
t { Comparable.instance_method(:clamp).bind_call(3, 1, 2, k: 1) }
t { 3.clamp(1, 2, k: 1) }
t { "abc".center(5, k: 1) }
t { [1, 2].each_slice(1, k: 2).to_a }
t { {a: 1}.merge(b: 2) }
t { {a: 1}.fetch(:a, k: 1) }
t { Struct.new(:a, keyword_init: true).new(a: 1).a }
t { Kernel.format("%s", k: 1) }
t { "x".send(:upcase, k: 1) }
t { 1.then(a: 1) { } }
t { loop(a: 1) { break 3 } }
t { [1,2].sum(0, k: 1) }
t { "ab".unpack("a", offset: 1) }
t { "ab".unpack1("a", offset: 1) }
t { "a".encode("UTF-16LE", invalid: :replace).bytesize }
t { [3,1].sample(random: Random.new(1)) }
t { [3,1].shuffle(random: Random.new(1)) }
t { 10.digits(2, k: 1) }
t { "a".start_with?("a", k: 1) }
p format("%.1f", 2.25)
require 'stringio'
p StringIO.new("a\nb").each_line(chomp: true).to_a
p StringIO.new("a\nb").gets(chomp: true)
p File.open(__FILE__, "r", encoding: "UTF-8") { |f| f.external_encoding }
p File.read(__FILE__, 4, encoding: "ASCII-8BIT").encoding
p IO.readlines(__FILE__, chomp: true).size > 5
p [1, 2].each_slice(1).to_a
s = Struct.new(:a, keyword_init: true)
p s.new(a: 3).a
e = [1,2,3].each_with_index
p e.next
p Enumerator.new { |y| y.yield 1, k: 2 }.to_a
p Comparable.instance_method(:clamp).owner
class MyErr < StandardError; def initialize(msg = "d", k: 1) = super("#{msg}#{k}"); end
p MyErr.new(k: 5).message
class MyS < String; def initialize(s, extra: 0) = super(s * (extra + 1)); end
p MyS.new("ab", extra: 1)
p Hash.new(capacity: 3) rescue p $!
p "ab".unpack("C*", offset: 1)
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: 2
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: ArgumentError: wrong number of arguments (given 2, expected 1)
# expect: ArgumentError: wrong number of arguments (given 2, expected 1)
# expect: ArgumentError: wrong number of arguments (given 2, expected 1)
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: [1, {:a=>1}]
# expect: TypeError: no implicit conversion of Hash into Integer
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: 2
# expect: 2
# expect: 20
# expect: ArgumentError: wrong number of arguments (given 2, expected 0..1)
# expect: ArgumentError: wrong number of arguments (given 2, expected 0..1)
# expect: TypeError: no implicit conversion of Hash into Integer
# expect: 1
# expect: false
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: [1, 4, 7, 10]
# expect: [1, 4, 7]
# expect: 32400
# expect: ArgumentError: timezone argument given as positional and keyword arguments
# expect: 2
# expect: 5
# expect: 3
# expect: 9
# expect: "test/core/cfunc_extra_keywords_test.rb:31:in `full_message': x (RuntimeError)\n"
# expect: []
# expect: ["a", "b"]
# expect: NoMethodError: undefined method `a' for "x":String
# expect: 
# expect: t { :a.to_proc.call("x", k: 1) }
# expect:               ^^^^^
# expect: ArgumentError: wrong number of arguments (given 3, expected 1..2)
# expect: ArgumentError: wrong number of arguments (given 3, expected 1..2)
# expect: TypeError: no implicit conversion of Hash into String
# expect: ArgumentError: wrong number of arguments (given 2, expected 1)
# expect: {:a=>1, :b=>2}
# expect: 1
# expect: 1
# expect: "{:k=>1}"
# expect: ArgumentError: invalid option
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: ArgumentError: wrong number of arguments (given 2, expected 0..1)
# expect: ["b"]
# expect: "b"
# expect: 2
# expect: 1
# expect: [3, 1]
# expect: ArgumentError: wrong number of arguments (given 2, expected 0..1)
# expect: true
# expect: "2.2"
# expect: ["a", "b"]
# expect: "a"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: true
# expect: [[1], [2]]
# expect: 3
# expect: [1, 0]
# expect: [[1, {:k=>2}]]
# expect: Comparable
# expect: "d5"
# expect: "abab"
# expect: {}
# expect: [98]
