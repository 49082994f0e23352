#!/usr/bin/env bash
# Repository GC (src/store/repogc.c) with real gems: garbage is reclaimed, an
# object a live gem holds survives and can be stored again, a gem that reaches
# no boundary blocks the sweep (status says so) and killed, it does not.
# More: repogc_more.sh.
. "$(dirname "$0")/lib.sh"
repo=$MAGLEV_DATA/maglev
build_helper
mg create

if ! have_ruby; then
	echo "ok - repository GC with gems # skip: bin/maglev-ruby cannot commit yet"
	finish
	exit
fi

# wait_file FILE: until FILE is non-empty (at most 60 s)
wait_file() {
	local i=0
	while [ ! -s "$1" ] && [ $i -lt 3000 ]; do sleep 0.02; i=$((i + 1)); done
}

objects() {
	mg status
	field objects
}

# ---- garbage is reclaimed: 100,000 objects, half dropped ----
# (each 25,000-element Array is 14 records: a spine and 13 pages, docs/format.md "Paged Arrays and Hashes")
"$MRUBY" -e 'Maglev[:keep] = (0...25000).map { |i| [i, "k#{i}"] }
             Maglev[:drop] = (0...25000).map { |i| [i, "d#{i}"] }
             Maglev.commit_transaction'
mg check
expect "check after the load: exit 0" "$RC" 0
expect_match "check: nothing dangling" "$OUT" '^references: 0 dangling$'
expect_match "check: nothing unreachable" "$OUT" '^unreachable: 0 records \(0 bytes\)$'
"$MRUBY" -e 'Maglev::PERSISTENT_ROOT.delete(:drop); Maglev.commit_transaction'
before=$(objects)
mg status
free_before=$(field free | cut -d' ' -f1)
mg check
expect "check with garbage: exit 0 (garbage is not a problem)" "$RC" 0
expect_match "check counts the garbage" "$OUT" '^unreachable: 50014 records \([0-9]+ bytes\)$'
mg gc
expect "gc: exit 0" "$RC" 0
expect_match "gc frees the dropped half" "$(field objects)" '^freed 50014 records \([0-9]+ bytes\), 50014 possibly dead, 0 kept'
after=$(objects)
expect "the object count drops by as much" "$((before - after))" 50014
mg status
free_after=$(field free | cut -d' ' -f1)
expect "the file's free pages grow by more than 1 MB" "$([ $((free_after - free_before)) -gt 1000000 ] && echo yes || echo "no: $free_before -> $free_after")" yes
mg check
expect "check after gc: exit 0" "$RC" 0
expect_match "check after gc: nothing unreachable" "$OUT" '^unreachable: 0 records \(0 bytes\)$'
expect "what is reachable survives" "$("$MRUBY" -e 'k = Maglev[:keep]; p [k.size, k[24999], Maglev[:drop]]')" '[25000, [24999, "k24999"], nil]'

# ---- an object held by a live gem survives, and is committed back ----
"$MRUBY" -e 'Maglev[:held] = ["held", [1, 2, "deep"]]; Maglev.commit_transaction'
"$MRUBY" -e 'h = Maglev[:held]; h[1][2]                      # faulted, all of it
             File.write(ARGV[0], "ready")
             Maglev.abort_transaction until File.exist?(ARGV[1]) # each abort is a boundary (a vote)
             Maglev[:back] = h
             Maglev.commit_transaction
             puts "committed"' "$TMP/ready" "$TMP/go" >"$TMP/gem" 2>&1 &
gem=$!
wait_file "$TMP/ready"
# garbage the gem never saw (its root is refaulted only on touch)
"$MRUBY" -e 'Maglev[:lost] = ["lost", [3]]; Maglev.commit_transaction'
"$MRUBY" -e 'Maglev::PERSISTENT_ROOT.delete(:held); Maglev::PERSISTENT_ROOT.delete(:lost); Maglev.commit_transaction'
mg gc
expect "gc with a gem holding an object: exit 0" "$RC" 0
expect_match "gc keeps what the gem holds, frees the rest" "$(field objects)" '^freed 3 records \([0-9]+ bytes\), 7 possibly dead, 4 kept'
mg check
expect "check: exit 0 while the gem holds it" "$RC" 0
expect_match "check: the held object is unreachable in the repository" "$OUT" '^unreachable: 4 records'
touch "$TMP/go"
wait "$gem"
expect "the gem commits the held object back" "$(cat "$TMP/gem")" committed
expect "a third process reads it" "$("$MRUBY" -e 'p Maglev[:back], Maglev[:lost]')" '["held", [1, 2, "deep"]]
nil'
mg check
expect "check after the gem stored it again: exit 0" "$RC" 0
expect_match "check: nothing unreachable" "$OUT" '^unreachable: 0 records \(0 bytes\)$'

# ---- what a held lazy Array refers to (elements never read) is held too ----
"$MRUBY" -e 'Maglev[:big] = Array.new(2000) { |i| ["b#{i}"] }; Maglev.commit_transaction'
"$MRUBY" -e 'b = Maglev[:big]; b.size                        # lazy: no element read
             File.write(ARGV[0], "ready")
             Maglev.abort_transaction until File.exist?(ARGV[1])
             p [b[1999], b.sum { |e| e[0].size }]' "$TMP/ready3" "$TMP/go3" >"$TMP/gem3" 2>&1 &
gem=$!
wait_file "$TMP/ready3"
"$MRUBY" -e 'Maglev::PERSISTENT_ROOT.delete(:big); Maglev.commit_transaction'
mg gc
expect "gc with a gem holding a lazy Array: exit 0" "$RC" 0
expect_match "gc keeps the Array and every element" "$(field objects)" '^freed 0 records \(0 bytes\), 4001 possibly dead, 4001 kept'
touch "$TMP/go3"
wait "$gem"
expect "the gem reads the elements after the gc" "$(cat "$TMP/gem3")" '[["b1999"], 8890]'
mg gc
expect_match "with the gem gone, they go" "$(field objects)" '^freed 4001 records'

# ---- a gem that reaches no boundary blocks the sweep; killed, it does not ----
"$MRUBY" -e 'Maglev[:tmp] = ["tmp"]; Maglev.commit_transaction'
"$MRUBY" -e 'Maglev[:keep].size; File.write(ARGV[0], "ready"); sleep' "$TMP/ready2" &
stuck=$!
wait_file "$TMP/ready2"
"$MRUBY" -e 'Maglev::PERSISTENT_ROOT.delete(:tmp); Maglev.commit_transaction'
mg gc --timeout 1
expect "gc whose gem does not vote: exit 0" "$RC" 0
expect_match "gc says who it waited for" "$(field objects)" "^not collected: 1 live session did not vote in round [0-9]+ within the timeout \(waiting for pid $stuck\)"
"$MAGLEV" gc --timeout 60 >"$TMP/gc" 2>&1 &
gc=$!
i=0
until mg status && [[ $(field gc) == *"waiting for 1 of 1 sessions"* ]] || [ $i -gt 3000 ]; do sleep 0.02; i=$((i + 1)); done
expect_match "status: the round waits for the stuck gem" "$(field gc)" "object GC round [0-9]+ open .*waiting for 1 of 1 sessions to vote \(pid $stuck has not reached a transaction boundary\)"
{ kill -9 "$stuck"; wait "$stuck"; } 2>/dev/null
wait "$gc"
expect_match "gc after the gem was killed: the sweep goes on" "$(cat "$TMP/gc")" '^objects: freed 2 records'

finish
