#!/usr/bin/env bash
# Persistent Strings, Arrays and Hashes changed in place (<<, gsub!, setbyte,
# force_encoding, insert, sort!, shuffle! with a seed, slice!, flatten!,
# rotate!, fill; delete, compact!, reject!, a key mutated then the Hash read
# elsewhere) are seen exactly by a second process; a Hash's default value,
# default proc and compare_by_identity survive, and an abort resets them.
# Every value is CRuby 3.1's for the same steps without persistence.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev[:s] = +"hello world"; Maglev[:b] = +"abc"; Maglev[:e] = "héllo".b
Maglev[:a] = [5, 3, [1, [2, 3]], 9, 1]; Maglev[:a2] = (1..10).to_a; Maglev[:a3] = [[1, 2], [3, [4, [5]]]]
Maglev[:dh] = Hash.new { |hh, k| hh[k] = k.to_s * 2 }; Maglev[:dv] = Hash.new(42)
ci = {}.compare_by_identity; k1 = +"x"; k2 = +"x"; ci[k1] = 1; ci[k2] = 2; Maglev[:ci] = ci; Maglev[:cikeys] = [k1, k2]
key = [1, 2]; Maglev[:mk] = { key => :v }; Maglev[:mkkey] = key
Maglev[:d] = { a: 1, b: nil, c: 3, d: 4 }
Maglev.commit
s = Maglev[:s]; s << " again"; s.gsub!(/o/) { "0" }; s.upcase!; s.insert(0, ">")
b = Maglev[:b]; b.setbyte(0, 65); b << 0xe9; b.force_encoding("ISO-8859-1")
Maglev[:e].force_encoding("UTF-8")
a = Maglev[:a]; a.slice!(2); a.sort!; a.insert(1, :x, :y); a.unshift(0)
a2 = Maglev[:a2]; a2.shuffle!(random: Random.new(42)); a2.slice!(1, 3); a2.rotate!(2)
a3 = Maglev[:a3]; a3.flatten!; a3.reverse!; a3.fill(7, 4)
Maglev[:dh][:a]
key << 3
d = Maglev[:d]; d.delete(:a); d.compact!; d.reject! { |_, v| v == 4 }
Maglev.commit' >/dev/null
expect "Strings changed in place" "$(mrb 's = Maglev[:s]; b = Maglev[:b]; e = Maglev[:e]; p s, s.size, b, b.encoding, b.bytes, b.valid_encoding?, e, e.encoding, e.size')" \
  '">HELL0 W0RLD AGAIN"
18
"Abc\xC3\xA9"
#<Encoding:ISO-8859-1>
[65, 98, 99, 195, 169]
true
"héllo"
#<Encoding:UTF-8>
5'
expect "Arrays changed in place" "$(mrb 'p Maglev[:a], Maglev[:a2], Maglev[:a3]')" \
  '[0, 1, :x, :y, 3, 5, 9]
[3, 10, 5, 4, 7, 9, 8]
[5, 4, 3, 2, 7]'
expect "Hash default proc and value, identity keys, deletions" "$(mrb 'h = Maglev[:dh]; p h, h[:zz], h.default_proc.class, Maglev[:dv][:nope]
ci = Maglev[:ci]; p ci.compare_by_identity?, ci.size, ci[Maglev[:cikeys][0]], ci[Maglev[:cikeys][1]], ci["x"], Maglev[:d]')" \
  '{:a=>"aa", :zz=>"zzzz"}
"zzzz"
Proc
42
true
2
1
2
nil
{:c=>3}'
expect "a key changed after it was stored is found by its new value in a later process" "$(mrb 'p Maglev[:mk][[1, 2, 3]], Maglev[:mk].keys[0].equal?(Maglev[:mkkey])')" $':v\ntrue'
expect "entries the default proc made in the first process were committed, not the reader's" "$(mrb 'p Maglev[:dh]')" '{:a=>"aa"}'
expect "an abort resets a Hash's identity flag, default and default proc" "$(mrb 'h = Maglev[:d]; dv = Maglev[:dv]; dh = Maglev[:dh]
h.compare_by_identity; h.default = 9; dv.default_proc = proc { 7 }; dh.default = 1
Maglev.abort_transaction
p h.compare_by_identity?, h.default, dv[:x], dv.default_proc, dh[:new], dh.default_proc.class')" \
  'false
nil
42
nil
"newnew"
Proc'
finish
