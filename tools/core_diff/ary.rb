require_relative 'h'
# Array methods with odd arguments: negative and out-of-range indexes, lengths,
# ranges with steps, Floats/nil/Strings where Integers go, frozen receivers
A = "[1, 2, 3, 4, 5]"
idx = %w[0 2 -1 -5 -6 5 6 1.9 -1.5 nil '1' 2**64 -(2**64) (1..2) (1..) (..-2) (-3..) (2...-1) (6..) (5..) (1..10) ((1..4)%2) ((-1..0)%-1) ((..4)%3) (1.5..2.5)]
idx.each do |i|
  t "#{A}[#{i}]"; t "#{A}.slice(#{i})"; t "#{A}.values_at(#{i})"; t "#{A}.fetch(#{i}) rescue $!.message"
  %w[0 1 -1 2 10 nil 1.5].each { |l| t "#{A}[#{i}, #{l}]" } if i =~ /\A[-0-9(]/ && i !~ /\.\./
  t "a = #{A}; a[#{i}] = :x; a"; t "a = #{A}; a[#{i}, 2] = [:x, :y]; a" if i !~ /\.\./
  t "a = #{A}; [a.slice!(#{i}), a]"; t "a = #{A}; [a.delete_at(#{i}), a]" if i !~ /\.\./
  t "#{A}.dig(#{i})"; t "a = #{A}; a.insert(#{i}, :a, :b)" if i !~ /\.\./
end
t "#{A}.fetch(9) { |i| i * 2 }"; t "#{A}.fetch(9, :d)"; t "#{A}.fetch(-9)"; t "#{A}.fetch"; t "#{A}.fetch(1, 2, 3)"
t "a = #{A}; a[1..2] = 9; a"; t "a = #{A}; a[7] = 1; a"; t "a = #{A}; a[-7] = 1"; t "a = #{A}; a[1, -1] = 1"; t "a = #{A}; a[7, 0] = [8]; a"; t "a = #{A}; a[(1..4)%2] = 1"
t "a = #{A}; a[1...1] = [:a, :b]; a"; t "a = #{A}; a[2..] = []; a"; t "a = #{A}; a[..1] = nil; a"; t "a = #{A}; a[5..] = 1; a"; t "a = #{A}; a[6..] = 1; a"
fills = ['0', ':x', ':x, 1', ':x, -2', ':x, 1, 2', ':x, -9', ':x, 9', ':x, 1..2', ':x, -2..', ':x, 7..8', ':x, 2, -1', ':x, nil, 2', ':x, 1, nil', '{ |i| i * i }', '(1) { |i| -i }', '(-2, 1) { |i| i }', '(:x, 1.5)', '(:x, "1")', "()"]
fills.each { |f| t "#{A}.fill#{f =~ /\A[({]/ ? f : "(#{f})"}" }
t "[1, 2].product"; t "[1, 2].product([3, 4])"; t "[1, 2].product([3], [4, 5])"; t "[1, 2].product([])"; t "[].product([1])"; t "[1, 2].product([3, 4]) { |x| }"; t "[1,2].product(1)"; t "[1,2].product([3,4], nil)"
t "[1, 2].product([3, 4]) { |x| p x }"
flats = ['[1, [2, [3, [4]]]]', '[[], [[]], [[[]]]]', '[1, [2], 3]', '[]', '[[1, 2], [3, [4, 5]]]']
flats.each { |f| ['', '(0)', '(1)', '(2)', '(-1)', '(nil)', '(1.9)', '("1")'].each { |d| t "#{f}.flatten#{d}"; t "a = #{f}; [a.flatten!#{d}, a]" } }
t "a = [1]; a << a; a.flatten"; t "a = [1]; a << [a]; a.flatten(1)"; t "a = [1]; a << a; a.inspect"; t "a = [1]; a << a; a.to_s"; t "a = [1]; a << a; a.hash == a.hash"; t "a = [1]; a << a; a == a"; t "a = [1]; a << a; a.join"
t "[1, [2, [3]]].join(',')"; t "[1, nil, 'a', :b, 2.0].join('-')"; t "[1, 2].join(1)"; t "[[1, 2], [3]].join(nil)"; t "$, = nil; [1, 2].join"
ops = %w[first last take drop sample shuffle rotate cycle combination permutation repeated_combination repeated_permutation each_slice each_cons min max sum first]
args = %w[0 1 -1 2 3 10 1.5 nil '1']
ops.each do |o|
  next if %w[sample shuffle].include?(o)
  args.each do |a|
    src = "#{A}.#{o}(#{a})"
    src += ".to_a" if %w[cycle combination permutation repeated_combination repeated_permutation each_slice each_cons].include?(o)
    src = "#{A}.cycle(#{a}).to_a" if o == "cycle" && a == "-1"
    next if o == "cycle" && a == "nil"
    next if o =~ /repeated/ && a == '10'
    t src
  end
end
t "#{A}.rotate(2**64)"; t "#{A}.rotate(-(2**64))"; t "#{A}.first(2**64)"; t "#{A}.combination(2).size"; t "#{A}.permutation.size"; t "#{A}.repeated_permutation(3).size"; t "#{A}.combination(9).size"; t "#{A}.permutation(-1).size"
%w[freeze].each do
  %w[push(1) pop shift unshift(0) <<(1) concat([1]) clear fill(0) map!{_1} select!{_1} reject!{_1} sort! sort_by!{_1} reverse! rotate! shuffle! uniq! compact! flatten! delete(1) delete_at(0) delete_if{_1} keep_if{_1} insert(0,1) replace([1]) []=(0,1) slice!(0) collect!{_1} filter!{_1} push pop(0) append prepend(1) uniq!{_1} fill{0}].each do |m|
    t "#{A}.freeze.#{m}"; t "[].freeze.#{m}"
  end
end
t "a = [3, 1, 2]; a.sort! { a.freeze; 0 } rescue $!.class"; t "[1, 2, 3].sort { |a, b| nil }"; t "[1, 'a'].sort"; t "[1, nil].max"; t "[3, 1].sort { 'x' }"; t "[1, 2].sort_by { nil }"; t "[[1, 2], [1]].sort"; t "[[1, 'a'], [1, 2]].sort"
t "[1, 2, 3] <=> [1, 2]"; t "[1, 2] <=> [1, :a]"; t "[1, 2] <=> 1"; t "[1, 2] * ','"; t "[1, 2] * 2"; t "[1, 2] * -1"; t "[1, 2] * nil"; t "[1, 2] * 2.5"; t "[1, 2, 2, 3] - [2]"; t "[1, 2] | [2, 3] | [4]"; t "[1, 1, 2] & [1]"; t "[1, 2] + nil"; t "[1, 2] - nil"
t "[1, 2, 3].pack('C*')"; t "[1.5].pack('e')"; t "['a', 'b'].pack('A3A3')"; t "[1, 2].pack('U*')"; t "[-1].pack('U')"; t "[1].pack('N', buffer: +'xy')"; t "['abc'].pack('m0')"; t "[1].pack('q<')"; t "[nil].pack('A')"; t "[1].pack('A')"; t "['a'].pack('C')"; t "[].pack('C')"; t "[2**64].pack('Q')"; t "[-1].pack('Q')"; t "[1].pack('z')"
t "[3, 5, 2].bsearch { |x| x >= 3 }"; t "[1, 2, 3].bsearch { 'x' }"; t "[1, 2, 3].bsearch_index { |x| x <=> 2 }"; t "[1, 2, 3].sum(0.0) { _1 / 2.0 }"; t "[1, 2, 3].zip([1], [2, 3, 4, 5])"; t "[1, 2].zip(1)"; t "[1, 2].zip(1..)"; t "[1, 2].transpose"; t "[[1, 2], [3]].transpose"; t "[[1, 2], [3, 4]].transpose"; t "[].transpose"
t "[1, 2].assoc(1)"; t "[[1, 2], 3, [1, 4]].assoc(1)"; t "[[1, 2], [3, 4]].rassoc(4)"; t "[[1, 2], [3, 4]].to_h"; t "[[1, 2], [3]].to_h"; t "[1].to_h"; t "[[1, 2]].to_h { |a, b| [b, a] }"; t "[1, 2].to_h { _1 }"; t "[1, 2].to_h { [_1] }"
t "[1, 2, 3, 4].each_slice(2).map(&:sum)"; t "[1, 2, 3].each_cons(2).to_a"; t "[1, 2, 3].cycle.lazy.map { _1 * 2 }.first(4)"; t "[nil, false, 1].compact"; t "[1, [2]].dig(1, 0)"; t "[1, [2]].dig(1, 0, 1)"; t "[1, 2].dig()"; t "[1, 2].dig(:a)"
t "[1, 2, 3].count(2)"; t "[1, 2, 3].count { _1 > 1 }"; t "[1, 2, 3].count(1) { true }"; t "[1, 2, 3].index(5)"; t "[1, 2, 3].rindex { _1 < 3 }"; t "[1, 2, 3].find_index"; t "[1, 2, 3].sum('')"; t "['a', 'b'].sum('')"; t "[[1], [2]].sum([])"; t "[1, 2].minmax"; t "[].minmax"; t "[].sum"; t "[].max(2)"
t "Array.new(3)"; t "Array.new(3, 0)"; t "Array.new(3) { _1 * 2 }"; t "Array.new(-1)"; t "Array.new(2**64)"; t "Array.new([1, 2])"; t "Array.new('3')"; t "Array.new(1.9)"; t "Array.new(nil)"; t "Array(nil)"; t "Array([1])"; t "Array(1..3)"; t "Array({a: 1})"; t "Array('a')"; t "Array.[](1, 2)"; t "Array.try_convert(1)"; t "Array.try_convert([1])"
t "[1, 2, 3].first(-1)"; t "[1, 2, 3].last(-1)"; t "[1, 2, 3].sample(-1)"; t "[1, 2, 3].shuffle(random: 1)"; t "[1, 2].take_while"; t "[1, 2].drop_while.class"; t "[1, 2, 3].each_slice(0)"; t "[3, 1].max { |a, b| nil }"; t "[1, 2, 3].intersect?([3])"; t "[1, 2].intersection([2], [2, 3])"; t "[1, 2].union([3], [1])"; t "[1, 2].difference([1], [2])"
t "[1, 2, 3].delete(2) { :nf }"; t "[1, 2, 3].delete(5) { :nf }"; t "[1, 2, 3].inspect.frozen?"; t "[1, 2, 3].to_s"; t "[1, 2, 3].hash == [1, 2, 3].hash"; t "[1, 2] == [1, 2.0]"; t "[1, 2].eql?([1, 2.0])"; t "[1, 2].filter_map { _1 * 2 if _1 > 1 }"; t "[[1, 2], [3, 4]].each_with_object({}) { |(a, b), h| h[a] = b }"
t "[1, 2, 3].values_at(0, 2, 4, -1, 1..5)"; t "[1, 2, 3].values_at(-4..1)"; t "[1, 2, 3].values_at(1..-5)"; t "[1, 2, 3].values_at(4..6)"; t "[1, 2, 3].values_at(3..)"
t "[1, 2, 3].sum(1.5)"; t "[1, 2, 3].pack('w*')"; t "[1, 2, 3].max(-1)"; t "[1, 2, 3] * 2**64"; t "[1, 2, 3].uniq { _1 % 2 }"; t "[1, 2, 3].tally"; t "%w[a b a].tally"; t "[1, 2, 3].partition(&:odd?)"; t "[1, 2, 3].group_by(&:odd?)"; t "[1, 2, 3].chunk_while { _2 == _1 + 1 }.to_a"; t "[1, 2, 4].slice_when { _2 != _1 + 1 }.to_a"; t "[1, 2, 3].each_entry.to_a"
