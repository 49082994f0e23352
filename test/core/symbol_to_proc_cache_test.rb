# Symbol#to_proc answers one cached lambda per Symbol (rb_sym_to_proc), and
# its inspect, arity, binding and ruby2_keywords are CRuby's
pr = :upcase.to_proc
p pr.equal?(:upcase.to_proc), pr.lambda?, pr.arity, pr.parameters
p pr.inspect.sub(/0x\h+/, "X"), :"foo bar".to_proc.inspect.sub(/0x\h+/, "X"), :+.to_proc.inspect.sub(/0x\h+/, "X")
p "a".encode("UTF-16LE").to_sym.to_proc.inspect.sub(/0x\h+/, "X")
p pr.call("a"), pr.frozen?, pr.source_location, pr == :upcase.to_proc
def m(&b) b end
p m(&:upcase).equal?(:upcase.to_proc), m(&:downcase).equal?(m(&:downcase))
p pr.to_proc.equal?(pr), pr.dup.equal?(pr), pr.clone.lambda?
syms = (1..200).map { |i| :"s#{i}" }
procs = syms.map(&:to_proc)
p procs.map { |x| x.call(Struct.new(*syms).new(*1..200)) }.sum
begin
  pr.binding
rescue ArgumentError => e
  p e.message
end
p 1.method(:+).to_proc.binding.class
$stderr = $stdout
p pr.ruby2_keywords.equal?(pr)
p 1.method(:+).to_proc.ruby2_keywords.lambda?
p proc { |a| a }.ruby2_keywords.arity
r = proc { |*a| a }.ruby2_keywords
p Hash.ruby2_keywords_hash?(r.call(1, k: 2).last), Hash.ruby2_keywords_hash?(proc { |*a| a }.call(1, k: 2).last)
# expect: true
# expect: true
# expect: -2
# expect: [[:req], [:rest]]
# expect: "#<Proc:X(&:upcase) (lambda)>"
# expect: "#<Proc:X(&:\"foo bar\") (lambda)>"
# expect: "#<Proc:X(&:+) (lambda)>"
# expect: "#<Proc:X(&:\"a\") (lambda)>"
# expect: "A"
# expect: false
# expect: nil
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: 20100
# expect: "Can't create Binding from C level Proc"
# expect: Binding
# expect: test/core/symbol_to_proc_cache_test.rb:21: warning: Skipping set of ruby2_keywords flag for proc (proc not defined in Ruby)
# expect: true
# expect: test/core/symbol_to_proc_cache_test.rb:22: warning: Skipping set of ruby2_keywords flag for proc (proc created from method)
# expect: true
# expect: test/core/symbol_to_proc_cache_test.rb:23: warning: Skipping set of ruby2_keywords flag for proc (proc accepts keywords or proc does not accept argument splat)
# expect: 1
# expect: true
# expect: false
