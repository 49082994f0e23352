#!/usr/bin/env bash
# Big Arrays read from the repository are lazy (object.h, "lazy arrays"):
# reading one costs its element vector, not a header per element; an
# element is resolved when it is read, with the identity it has everywhere
# else; every Array method still sees every element; changes commit; an
# Array another process changed is read again; under a memory cap, walks
# and random lookups over a big Array give the same answers.
. "$(dirname "$0")/lib.sh"
export MRUBY
mrb '
  big = Array.new(5000) { |i| i % 7 == 0 ? i : ["n#{i}", i] }
  big[1] = nil; big[2] = :sym; big[3] = 2.5; big[4] = 10**30; big[5] = String; big[6] = {a: 1}
  Maglev[:big] = big
  Maglev[:one] = big[10]
  Maglev[:small] = [["a"], ["b"]]
  Maglev.commit' >/dev/null
stats='S = Maglev::System; r = -> { S.my_cache_statistics[:resident_persistent_objects] }'
expect "reading a big Array makes no header per element" "$(mrb "$stats"'
  before = r.()
  a = Maglev[:big]
  p a.size, r.() - before < 10
  x = a[100]
  p x, r.() - before < 10, a[100].equal?(x), a[-1]')" \
  $'5000\ntrue\n["n100", 100]\ntrue\ntrue\n["n4999", 4999]'
expect "an element resolves to the header held elsewhere" "$(mrb '
  one = Maglev[:one]; a = Maglev[:big]
  p a[10].equal?(one)
  a2 = Maglev[:big]; one2 = Maglev[:one]
  p a2[10].equal?(one2), a.object_id == a2.object_id')" $'true\ntrue\ntrue'
expect "immediates, classes and other kinds of elements" "$(mrb '
  a = Maglev[:big]
  p a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a.fetch(8), a.first, a.last, a.dig(8, 0), a.at(9)')" \
  $'0\nnil\n:sym\n2.5\n1000000000000000000000000000000\nString\n{:a=>1}\n7\n["n8", 8]\n0\n["n4999", 4999]\n"n8"\n["n9", 9]'
expect "every method sees every element" "$(mrb '
  a = Maglev[:big]
  n = 0; a.each { |e| n += 1 if Array === e }
  m = 0; a.each_with_index { |e, i| m += i if Integer === e }
  k = 0; a.reverse_each { |e| k += 1 }
  p n, m, k, a.count { |e| Array === e }, a.map(&:class).uniq.size
  p a.select { |e| Array === e && e[1] > 4990 }, a.index(["n11", 11]), a.include?(["n12", 12])
  p a.sort_by { |e| Array === e ? -e[1] : 0 }.first, a[4995..], a.take(3).size, a == Maglev[:big].dup
  p a.inspect.size > 50000, a.hash == a.dup.hash')" \
  $'4279\n1786789\n5000\n4279\n7\n[["n4992", 4992], ["n4993", 4993], ["n4994", 4994], ["n4995", 4995], ["n4996", 4996], ["n4997", 4997], ["n4999", 4999]]\n11\ntrue\n["n4999", 4999]\n[["n4995", 4995], ["n4996", 4996], ["n4997", 4997], 4998, ["n4999", 4999]]\n3\ntrue\ntrue\ntrue'
mrb '
  a = Maglev[:big]
  a[20][0] = "changed"       # an element changes; the Array does not
  a[30] = "replaced"
  a << "appended"
  Maglev.commit' >/dev/null
expect "changes to and in a big Array commit" "$(mrb '
  a = Maglev[:big]
  p a[20], a[30], a.size, a[-1], a[22]')" $'["changed", 20]\n"replaced"\n5001\n"appended"\n["n22", 22]'
expect "a lazy Array another process changed is read again" "$(mrb '
  a = Maglev[:big]
  x = a[40]
  system(ENV["MRUBY"], "-e", "Maglev[:big][40] = :other; Maglev[:big][41][0] = :inner; Maglev.commit") or raise "child failed"
  p a[40], a[41]
  Maglev.abort_transaction
  p a[40], a[41], x, a.equal?(Maglev[:big])')" $'["n40", 40]\n["n41", 41]\n:other\n[:inner, 41]\n["n40", 40]\ntrue'
expect "a small Array is read whole, as before" "$(mrb "$stats"'
  before = r.(); s = Maglev[:small]; s.size; p r.() - before >= 3, s')" $'true\n[["a"], ["b"]]'

# under a cap: 200,000 elements, each a small Array with a String
mrb '
  Maglev[:list] = Array.new(200_000) { |i| [i, "e#{i}" * 8] }
  Maglev.commit' >/dev/null
expect "walks and lookups of a big Array under a 16 MB cap" "$("$MRUBY" --max-memory=16M -e '
  l = Maglev[:list]
  t = 0; l.each { |i, s| t += i + s.size }
  r = Random.new(1); u = 0
  20_000.times { j = r.rand(l.size); u += l[j][0] - j + l[j][1].size }
  v = 0; l.each_with_index { |(i, s), j| v += 1 if i == j && s.start_with?("e#{j}") }
  p t, u, v, Maglev.__evicted > 0')" $'20010211120\n1030768\n200000\ntrue'
expect "the same without a cap" "$(mrb '
  l = Maglev[:list]
  t = 0; l.each { |i, s| t += i + s.size }
  p t, l.sum { |i, s| s.size }')" $'20010211120\n10311120'
finish
