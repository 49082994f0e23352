# Array#flatten walks nested arrays without C recursion (a 300,000-deep
# nesting flattens, as in CRuby), finds recursion at any depth -- the
# path is scanned for the first levels and looked up by identity below
# them -- and keeps depth limits, to_ary conversion and flatten!'s answers
x = nil; 300000.times { x = [x] }; p x.flatten.size
p [1, [2, [3, [4, [5]]]]].flatten, [1, [2, [3, [4]]]].flatten(1), [1, [2, [3, [4]]]].flatten(2), [[1], 2].flatten(0), [1, [2]].flatten(-1)
a = [1, [2]]; p a.flatten!, a, [1, 2].flatten!
r = [1]; r << r
begin; r.flatten; rescue ArgumentError => e; p e.message; end
d = [0]; cur = d; 40.times { n = [1]; cur << n; cur = n }; cur << d
begin; d.flatten; rescue ArgumentError => e; p e.message; end
d2 = [0]; cur = d2; 40.times { n = [1]; cur << n; cur = n }; mid = cur; 5.times { n = [2]; cur << n; cur = n }; cur << mid
begin; d2.flatten; rescue ArgumentError => e; p e.message; end
s = [7]; p [s, s, [s]].flatten
o = Object.new; def o.to_ary = [8, 9]; p [o, [o]].flatten
deep = nil; 100.times { deep = [deep, [1]] }; p deep.flatten.size
e = []; 50.times { e = [e, e] } rescue nil
p [[], [[]], [[[]]]].flatten
[28, 31, 32, 33, 34, 40].each do |k|
  root = [0]; cur = root; target = nil
  50.times { |lv| n = [lv]; cur << n; cur = n; target = n if lv == k }
  cur << target
  begin; root.flatten; p :no_error; rescue ArgumentError => e; p [k, e.message]; end
  cur.pop
  p root.flatten.size
end
# expect: 1
# expect: [1, 2, 3, 4, 5]
# expect: [1, 2, [3, [4]]]
# expect: [1, 2, 3, [4]]
# expect: [[1], 2]
# expect: [1, 2]
# expect: [1, 2]
# expect: [1, 2]
# expect: nil
# expect: "tried to flatten recursive array"
# expect: "tried to flatten recursive array"
# expect: "tried to flatten recursive array"
# expect: [7, 7, 7]
# expect: [8, 9, 8, 9]
# expect: 101
# expect: []
# expect: [28, "tried to flatten recursive array"]
# expect: 51
# expect: [31, "tried to flatten recursive array"]
# expect: 51
# expect: [32, "tried to flatten recursive array"]
# expect: 51
# expect: [33, "tried to flatten recursive array"]
# expect: 51
# expect: [34, "tried to flatten recursive array"]
# expect: 51
# expect: [40, "tried to flatten recursive array"]
# expect: 51
