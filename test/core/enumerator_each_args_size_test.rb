# Enumerator#each with arguments makes an enumerator whose size is unknown (nil),
# as CRuby 3.1; without arguments it is the enumerator itself
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
t { [1, 2].each_slice(1).each(2).size }
t { Enumerator.new(3) { |y| y << 1 }.each(1).size }
t { [1, 2].each_with_index.each(1).size }
t { [1, 2].each_slice(1).each.size }
t { e = [1, 2].each; e.each.equal?(e) }
t { [1, 2, 3].each_slice(2).each(5).to_a }
# expect: nil
# expect: nil
# expect: nil
# expect: 2
# expect: true
# expect: ArgumentError: wrong number of arguments (given 2, expected 1)
