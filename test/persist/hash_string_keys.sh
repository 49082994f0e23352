#!/usr/bin/env bash
# A Hash's record holds each String key's hash (docs/format.md, Hash bit 2),
# so a process that reads the Hash places its String keys without reading
# them: a lookup reads the keys whose hash matches, not all of them. Every
# other kind of key is hashed as it is read; compare_by_identity, default
# procs, String subclasses, other encodings, deletes and additions behave as
# before; repository GC and `maglev check` parse the new layout (a key they
# skipped would be freed, and lost).
. "$(dirname "$0")/lib.sh"
mrb '
  Maglev.persistent { class Name < String; end; class Box; attr_reader :v; def initialize(v) = @v = v; end }
  h = {}
  20_000.times { |i| h["user#{i}"] = i }
  h[:sym] = "symbol"; h[7] = "integer"; h[2.5] = "float"; h[2**70] = "bignum"; h[[1, "a"]] = "array"
  h[String] = "class"; h[Time.at(0).utc] = "time"; h[Name.new("sub")] = "subclass"
  h["caf\u00e9".encode("ISO-8859-1")] = "latin1"; h["caf\u00e9"] = "utf8"; h["bin".b] = "binary"; h[""] = "empty"
  box = Box.new(1); h[box] = "object"; Maglev[:box] = box
  ci = {}.compare_by_identity; k1 = "same"; k2 = "same"; ci[k1] = 1; ci[k2] = 2
  Maglev[:ci] = ci; Maglev[:ci_keys] = [k1, k2]
  Maglev[:dp] = Hash.new { |hh, k| "default #{k}" }.merge!("a" => 1)
  Maglev[:h] = h
  Maglev.commit'
expect "a lookup in a 20,000-key Hash reads a handful of records, not every key" "$(mrb '
  S = Maglev::System
  r0 = S.my_cache_statistics[:objects_read]
  h = Maglev[:h]
  p h["user777"], h["user19999"], h["absent"], h.size
  p S.my_cache_statistics[:objects_read] - r0 < 20')" $'777\n19999\nnil\n20013\ntrue'
expect "a lookup makes no header per key or value (object.h, lazy hashes)" "$(mrb '
  S = Maglev::System; r = -> { S.my_cache_statistics[:resident_persistent_objects] }
  before = r.()
  h = Maglev[:h]
  p h["user42"], h.size, h.key?("user43"), h.fetch("user44"), h.dig("user45"), h["absent"]
  p r.() - before < 20
  p h.keys.size, h.values.sum { |v| v.is_a?(Integer) ? v : 0 }, r.() - before > 20_000')" \
  $'42\n20013\ntrue\n44\n45\nnil\ntrue\n20013\n199990000\ntrue'
mrb '
  Maglev.persistent { class Tagged < Hash; attr_accessor :tag; end }
  shared = Box.new(:shared)
  d = Hash.new(-1); 3000.times { |i| d["d#{i}"] = i }; d["box"] = shared
  t = Tagged.new; t.tag = "tagged"; 3000.times { |i| t[i] = "v#{i}"; t["s#{i}"] = i }
  pr = Hash.new { |hh, k| "made #{k}" }; 2000.times { |i| pr["p#{i}"] = i }
  Maglev[:d] = d; Maglev[:t] = t; Maglev[:pr] = pr; Maglev[:shared] = shared
  Maglev.commit' >/dev/null
expect "big Hashes: defaults, identity of values, other keys, a subclass with ivars" "$(mrb '
  d = Maglev[:d]; t = Maglev[:t]; pr = Maglev[:pr]
  p d["d7"], d["none"], d["box"].equal?(Maglev[:shared]), pr["p3"], pr["zz"], pr.size
  p t.tag, t[17], t["s17"], t.class, t.size, t.first, t.to_a.last')" \
  $'7\n-1\ntrue\n3\n"made zz"\n2000\n"tagged"\n"v17"\n17\nTagged\n6000\n[0, "v0"]\n["s2999", 2999]'
expect "a big Hash changed and committed without reading its entries" "$(mrb '
  S = Maglev::System; r = -> { S.my_cache_statistics[:resident_persistent_objects] }
  before = r.()
  h = Maglev[:h]; x = h["user8"]; h["user8"] = x + 1000; h["fresh"] = 1
  Maglev.commit
  p r.() - before < 20')" "true"
expect "a Hash changed after a lazy lookup" "$(mrb 'h = Maglev[:h]; p h["user8"], h["fresh"], h.size')" $'1008\n1\n20014'
expect "abort resets a changed lazy Hash in place, nested levels too" "$(mrb '
  h = Maglev[:h]
  h["user12"] = 0; h["zzz"] = 1; Maglev.abort_transaction
  p h["user12"], h["zzz"], h.size
  h = Maglev[:h]; h["user13"] = 0
  Maglev.begin_nested_transaction; h["user14"] = 0; h["yyy"] = 2; Maglev.abort_transaction
  p h["user13"], h["user14"], h["yyy"], Maglev.transaction_level
  Maglev.abort_transaction
  p h["user13"], h.size')" $'12\nnil\n20014\n0\n14\nnil\n1\n13\n20014'
expect "lookups under a memory cap" "$("$MRUBY" --max-memory=8M -e '
  h = Maglev[:h]; s = 0; 20_000.times { |i| s += h["user#{i}"] }; p s')" "199991000"
mrb 'h = Maglev[:h]; h["user8"] = 8; h.delete("fresh"); Maglev.commit' >/dev/null
expect "every kind of key is found in a new process" "$(mrb '
  h = Maglev[:h]
  p h[:sym], h[7], h[2.5], h[2**70], h[[1, "a"]], h[String], h[Time.at(0).utc], h[Name.new("sub")], h["sub"]
  p h["caf\u00e9".encode("ISO-8859-1")], h["caf\u00e9"], h["bin".b], h["bin"], h[""], h[Maglev[:box]]
  p h.key?("user0"), h.key("integer"), h.keys.first(2), h.keys.last.class, h.count { |k, v| k.is_a?(String) && k.start_with?("user") }')" \
'"symbol"
"integer"
"float"
"bignum"
"array"
"class"
"time"
"subclass"
"subclass"
"latin1"
"utf8"
"binary"
"binary"
"empty"
"object"
true
7
["user0", "user1"]
Box
20000'
expect "compare_by_identity and default procs" "$(mrb '
  ci = Maglev[:ci]; k1, k2 = Maglev[:ci_keys]
  p ci.compare_by_identity?, ci[k1], ci[k2], ci["same"], ci.size
  dp = Maglev[:dp]; p dp["a"], dp["zz"]')" $'true\n1\n2\nnil\n2\n1\n"default zz"'
mrb 'h = Maglev[:h]; h.delete("user5"); h["new"] = :added; h["user6"] = -6; Maglev.commit' >/dev/null
expect "deletes, additions and changes commit" "$(mrb '
  h = Maglev[:h]; p h["user5"], h["new"], h["user6"], h["user7"], h.size, h.keys.last')" $'nil\n:added\n-6\n7\n20013\n"new"'
# a Hash rewritten after it was read without its keys keeps their hashes
mrb 'h = Maglev[:h]; h["late"] = 1; Maglev.commit' >/dev/null
expect "a Hash committed again without reading its keys" "$(mrb '
  h = Maglev[:h]; p h["user123"], h["late"], h["new"], h.keys.count { |k| h[k].nil? && !h.key?(k) }')" $'123\n1\n:added\n0'
# repository GC and check parse the layout: nothing reachable is freed
mrb 'Maglev[:junk] = Array.new(50) { |i| "junk#{i}" }; Maglev.commit; Maglev::PERSISTENT_ROOT.delete(:junk); Maglev.commit'
gc=$("$ROOT/bin/maglev" gc test 2>&1)
# the junk Array, its 50 Strings and the deleted keys "user5" and "fresh"
expect "gc frees the junk only" "$(echo "$gc" | grep -o 'freed [0-9]* records' | head -1)" "freed 53 records"
chk=$("$ROOT/bin/maglev" check test 2>&1); rc=$?
expect "check: exit 0" "$rc" 0
expect "check: nothing dangling" "$(echo "$chk" | grep '^references:')" "references: 0 dangling"
expect "every key is still there after gc" "$(mrb '
  h = Maglev[:h]; n = 0
  h.each_key { |k| n += 1 if k.is_a?(String) && k.start_with?("user") && h[k] == k[4..].to_i || k == "user6" }
  p n, h.size')" $'19999\n20014'
# a format-2 repository (before key hashes) opens, and is marked format 5
# (LMDB: test/unit/store_test.c)
if on_pg; then
	pg_sql "UPDATE mg_meta SET value = 2 WHERE key = 'format'"
	expect "format 2 reads" "$(mrb 'p Maglev[:h]["user9"]; Maglev[:f] = 1; Maglev.commit')" "9"
	expect "and is format 5 once opened" "$(pg_sql "SELECT value FROM mg_meta WHERE key = 'format'")" "5"
	pg_sql "UPDATE mg_meta SET value = 6 WHERE key = 'format'"
	expect "a later format is refused" "$("$MRUBY" -e 'p Maglev[:f]' 2>&1 | grep -o "schema $PG_SCHEMA format 6, this maglev reads schema $PG_SCHEMA formats 2 to 5")" \
		"schema $PG_SCHEMA format 6, this maglev reads schema $PG_SCHEMA formats 2 to 5"
	pg_sql "UPDATE mg_meta SET value = 4 WHERE key = 'format'"
fi
finish
