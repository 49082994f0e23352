#!/usr/bin/env bash
# IdentitySet (no require): the API on fresh sets; a committed set is read,
# changed and shrunk by later processes; adds from three processes at once
# to one committed set all commit and none is lost; deletes replay while
# their element is still there and conflict when another commit removed it.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
expect "the API on a fresh set" "$(mrb '
  a = "a"; b = "b"; c = "c"
  s = IdentitySet.new
  s << a << b << nil << a
  p s.size, s.length, s.include?(a), s.include?("a"), s.member?(b), s.include?(nil), s.empty?
  p s.add?(a), s.add?(nil), s.add?(c).equal?(s), s.size
  p s.delete(a).equal?(s), s.delete?(a), s.delete?(b), s.to_a, s.remove(c), s.empty?
  t = IdentitySet.with_all([a, b, c]); u = IdentitySet[b, c, 1, :x]
  p (t | u).size, (t & u).to_a.sort, (t - u).to_a, (t ^ u).size, (t | u).class, (t & u).class
  p t == IdentitySet[c, b, a], t == IdentitySet[c, b, "a"], t == t.dup, t.dup.equal?(t)
  p t.map(&:upcase).sort, t.select { |x| x > "a" }.sort, t.sort, t.count, t.min, t.include?(b)
  p IdentitySet[1, 2].inspect, IdentitySet.new.inspect, t.subset?(t | u), (t | u).superset?(u), t.proper_subset?(t)
  big = IdentitySet.new; objs = (1..1000).map { |i| [i] }; objs.each { |o| big << o }
  objs.each_with_index { |o, i| big.delete(o) if i.odd? }
  p big.size, big.to_a.map(&:first).sort.first(3), big.include?(objs[2]), big.include?(objs[3]), big.__verify')" '2
2
true
false
true
false
false
nil
nil
true
3
true
nil
"b"
["c"]
"c"
true
5
["b", "c"]
["a"]
3
IdentitySet
IdentitySet
true
false
true
false
["A", "B", "C"]
["b", "c"]
["a", "b", "c"]
3
"a"
true
"#<IdentitySet: {1, 2}>"
"#<IdentitySet: {}>"
true
true
false
500
[1, 3, 5]
true
false
[]'
mrb 'Maglev::PERSISTENT_ROOT[:s] = IdentitySet[1, "two", [3], :four]; Maglev.commit_transaction'
expect "a second process that requires nothing reads it" \
	"$(mrb 's = Maglev::PERSISTENT_ROOT[:s]; p s.class, s.size, s.to_a.map(&:to_s).sort, s.include?(:four)')" 'IdentitySet
4
["1", "[3]", "four", "two"]
true'
mrb 's = Maglev::PERSISTENT_ROOT[:s]; s.delete(s.find { |x| x.is_a?(Array) }); s << "five"; Maglev.commit_transaction'
expect "changes committed by the second process are seen by a third" \
	"$(mrb 'p Maglev::PERSISTENT_ROOT[:s].to_a.map(&:to_s).sort')" '["1", "five", "four", "two"]'
mrb 'x = Maglev::PERSISTENT_ROOT[:s]; x << "six"; x.delete(1); Maglev.abort_transaction; p x.size, x.include?(1)' >"$D/abort"
expect "abort puts the committed members back" "$(cat "$D/abort")" '4
true'
# three processes add to the same committed set at the same time
mrb 'Maglev::PERSISTENT_ROOT[:c] = IdentitySet.new; Maglev.commit_transaction'
for w in 1 2 3; do
	mrb "File.write('$D/ready$w', '')
	    sleep 0.01 until File.exist?('$D/go')
	    s = Maglev::PERSISTENT_ROOT[:c]
	    300.times { |i| s << [$w, i]; Maglev.commit_transaction if i % 3 == 2 }
	    Maglev.commit_transaction
	    puts 'done'" >"$D/out$w" &
done
while [ ! -e "$D/ready1" ] || [ ! -e "$D/ready2" ] || [ ! -e "$D/ready3" ]; do sleep 0.01; done
touch "$D/go"
wait
expect "every adder committed every time" "$(cat "$D/out1" "$D/out2" "$D/out3")" 'done
done
done'
expect "no add was lost" "$(mrb '
  s = Maglev::PERSISTENT_ROOT[:c]
  p s.size, (1..3).map { |w| s.select { |x| x[0] == w }.map { |x| x[1] }.sort == (0...300).to_a }, s.__verify')" '900
[true, true, true]
[]'
# deletes: of different elements, both commit; of the same one, the second conflicts
gem_start g1
gem_start g2
gem g1 's = Maglev[:c]; $a = s.find { |x| x == [1, 0] }; $b = s.find { |x| x == [2, 0] }; nil' >/dev/null
gem g2 's = Maglev[:c]; $a = s.find { |x| x == [1, 0] }; $b = s.find { |x| x == [2, 0] }; nil' >/dev/null
gem g1 'Maglev[:c].delete($a); Maglev.commit_transaction' >/dev/null
expect "a delete of another element replays on the other's commit" \
	"$(gem g2 'Maglev[:c].delete($b); Maglev.commit_transaction; [Maglev[:c].size, Maglev[:c].include?($a), Maglev[:c].include?($b)]')" '[898, false, false]'
gem g1 'Maglev[:c].delete?($b); Maglev[:c] << [9, 9]; nil' >/dev/null
gem g2 'Maglev[:c].delete(Maglev[:c].find { |x| x == [3, 0] }); Maglev.commit_transaction' >/dev/null
expect "a delete of an element another commit removed (found when replaying) conflicts" \
	"$(gem g1 'begin; Maglev[:c].delete($a); Maglev.commit_transaction; rescue Maglev::CommitFailedException => e; Maglev.abort_transaction; e.class; end')" 'Maglev::CommitFailedException'
gem g1 '$b' >/dev/null
expect "after the conflict and abort both see the same set" \
	"$(gem g1 '[Maglev[:c].size, Maglev[:c].__verify]') $(gem g2 'Maglev.abort_transaction; Maglev[:c].size')" '[897, []] 897'
gem_stop g1
gem_stop g2
finish
