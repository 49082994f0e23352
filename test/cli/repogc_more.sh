#!/usr/bin/env bash
# Repository GC, continued (repogc.sh has the protocol): a commit of a
# reference to a reclaimed object fails cleanly, the stone collects
# periodically, check reports a corrupt payload and a dangling reference.
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

# ---- a commit of a reference to a reclaimed object fails cleanly ----
"$MRUBY" -e 'Maglev[:victim] = ["VICTIM-MARKER-42"]; Maglev.commit_transaction'
"$MRUBY" -e 's = Maglev[:victim][0]; s.size              # the String, faulted
             File.write(ARGV[0], "ready")
             sleep 0.02 until File.exist?(ARGV[1])
             Maglev.abort_transaction
             Maglev[:again] = [s] + Array.new(3000) { |i| [i] }   # a big commit: the bitmap check
             begin
               Maglev.commit_transaction
               puts "committed"
             rescue => e
               puts "#{e.class}: #{e.message}"
             end' "$TMP/ready3" "$TMP/go3" >"$TMP/gem3" 2>&1 &
gem=$!
wait_file "$TMP/ready3"
"$MRUBY" -e 'Maglev[:victim][0] = "replaced"; Maglev.commit_transaction'
expect "the string is deleted behind the protocol's back" "$("$HELPER" remove "$repo" VICTIM-MARKER)" 1
touch "$TMP/go3"
wait "$gem"
expect_match "the commit fails with a clear error" "$(cat "$TMP/gem3")" 'no longer exists.*nothing was committed'
expect "nothing was written" "$("$MRUBY" -e 'p Maglev[:again]')" nil
mg check
expect "the repository is still clean" "$RC" 0

# ---- the stone collects periodically ----
"$MRUBY" -e 'Maglev[:tmp2] = ["a", "b"]; Maglev.commit_transaction; Maglev::PERSISTENT_ROOT.delete(:tmp2); Maglev.commit_transaction'
mg start --interval 1 --gc-interval 1
i=0
until grep -q 'gc round [0-9]*: freed 3 records' "$repo/stone.log" || [ $i -gt 1500 ]; do sleep 0.02; i=$((i + 1)); done
expect_match "the daemon opened and swept a round" "$(cat "$repo/stone.log")" 'gc round [0-9]+: freed 3 records \([0-9]+ bytes\), 0 kept'
mg status
expect_match "status: the last sweep" "$(field gc)" 'object GC idle, last sweep [0-9:]+ \(round [0-9]+\) freed 3 records'
mg gc
expect "gc through the daemon: exit 0" "$RC" 0
expect_match "gc through the daemon: nothing left to free" "$(field objects)" '^freed 0 records \(0 bytes\)'
mg stop

# ---- check: a corrupt payload and a dangling reference ----
mg create bad
"$HELPER" junk "$MAGLEV_DATA/bad" >/dev/null
mg check bad
expect_fail "check a record that is no object" "^maglev: stone 'bad' failed its check$"
expect_match "check names it" "$OUT" '^corrupt: object [0-9]+: record (is truncated|holds an unknown reference tag|has a type that cannot be stored)'
mg create dang
dangling=$("$HELPER" dangle "$MAGLEV_DATA/dang")
mg check dang
expect_fail "check a dangling reference" "^maglev: stone 'dang' failed its check$"
expect_match "check names both ends" "$OUT" "^dangling: object $dangling references OOP 1099511627776, which has no record$"
expect_match "check counts it" "$OUT" '^references: 1 dangling$'
# ---- a reader without a session blocks the sweep, as a session that has not voted ----
mg create ro
MAGLEV_STONE=ro "$MRUBY" -e 'Maglev[:gone] = ["x", "y"]; Maglev.commit_transaction
             Maglev::PERSISTENT_ROOT.delete(:gone); Maglev.commit_transaction'
"$HELPER" hold "$MAGLEV_DATA/ro" 60 >"$TMP/held_ro" &
holder=$!
wait_file "$TMP/held_ro"
mg gc ro --timeout 1
expect "gc with an unregistered reader: exit 0" "$RC" 0
expect_match "gc waits for the reader and frees nothing" "$OUT" "waiting for pid $holder"
{ kill "$holder"; wait "$holder"; } 2>/dev/null
mg gc ro
expect_match "the reader gone, gc frees the garbage" "$(field objects)" '^freed 3 records'

# ---- a sweep of many chunks while another process commits ----
mg create big
MAGLEV_STONE=big "$MRUBY" -e 'Maglev[:junk] = (0...20000).map { |i| "j#{i}" }; Maglev[:kept] = "kept"
             Maglev.commit_transaction
             Maglev::PERSISTENT_ROOT.delete(:junk); Maglev.commit_transaction'
MAGLEV_STONE=big "$MRUBY" -e 'Maglev[:n] = 0; Maglev.commit_transaction
             File.write(ARGV[0], "started")
             500.times { Maglev[:n] += 1; Maglev[:last] = ["w", Maglev[:n].to_s]; Maglev.commit_transaction }
             puts "wrote"' "$TMP/writer_big" >"$TMP/writer_big.out" 2>&1 &
writer=$!
wait_file "$TMP/writer_big"
mg gc big
expect "gc of 20,001 records while a gem commits: exit 0" "$RC" 0
freed=$(field objects | sed 's/^freed \([0-9]*\).*/\1/')
expect "the junk is freed (and the writer's dropped arrays)" "$([ "$freed" -ge 20001 ] && echo yes || echo "no: $freed")" yes
wait "$writer"
expect "the writer never failed" "$(cat "$TMP/writer_big.out")" wrote
expect "its every commit is there" "$(MAGLEV_STONE=big "$MRUBY" -e 'p [Maglev[:n], Maglev[:last]]')" '[500, ["w", "500"]]'
mg check big
expect "check after the chunked sweep: exit 0" "$RC" 0
expect "what is reachable survives" "$(MAGLEV_STONE=big "$MRUBY" -e 'p Maglev[:kept], Maglev[:junk]')" '"kept"
nil'
finish
