#!/usr/bin/env bash
# gc and the daemon's periodic trim: the commit log is trimmed up to the
# oldest live view and never past it; the helper's records (referenced by
# nothing) are garbage that object GC frees (test/cli/repogc.sh: the rest).
. "$(dirname "$0")/lib.sh"
repo=$MAGLEV_DATA/maglev
build_helper
mg create

log_entries() {
	mg status
	field 'commit log' | cut -d' ' -f1
}

"$HELPER" commit "$repo" 5 >/dev/null
expect "5 commits: 5 log entries" "$(log_entries)" 5

# without a daemon: maglev gc trims once, itself
mg gc
expect "gc without the daemon: exit 0" "$RC" 0
expect "gc: all entries go when no view is open" "$(printf '%s\n' "$OUT" | head -n 1)" "commit log: removed 5 entries (up to seq 5), 0 kept"
expect "gc: no live view" "$(field 'oldest live view')" "none (no other process has a view open)"
expect_match "gc: frees the unreferenced records" "$(field objects)" '^freed 5 records \([0-9]+ bytes\), 5 possibly dead, 0 kept'
expect "gc: the log is empty" "$(log_entries)" 0
mg gc
expect "gc again: nothing to remove" "$(printf '%s\n' "$OUT" | head -n 1)" "commit log: removed 0 entries (up to seq 5), 0 kept"

# a process holding a view at seq 5 keeps every entry after it
"$HELPER" hold "$repo" 60 >"$TMP/held" &
holder=$!
while [ ! -s "$TMP/held" ]; do sleep 0.02; done
expect "the holder's view" "$(cat "$TMP/held")" 5
"$HELPER" commit "$repo" 4 >/dev/null
expect "4 more commits: 4 entries" "$(log_entries)" 4
mg gc
expect "gc with a view open: exit 0" "$RC" 0
expect_match "gc with a view open: reports it" "$(field 'oldest live view')" '^seq [0-9]+ \(1 open view\)$'
expect "gc keeps the entries after the open view" "$(log_entries)" 4
mg status
expect_match "status: the session and how far behind it is" "$OUT" "^session: pid $holder helper, view at seq >= [0-5] \(at most [4-9] commits behind\)"

# the daemon trims periodically, also never past the view
mg start --interval 1
"$HELPER" commit "$repo" 3 >/dev/null
sleep 2.5
expect "the daemon keeps the entries after the open view" "$(log_entries)" 7
mg gc
expect "gc through the daemon: exit 0" "$RC" 0
expect_match "gc through the daemon: same report" "$(printf '%s\n' "$OUT" | head -n 1)" '^commit log: removed [0-9]+ entr(y|ies) \(up to seq [0-5]\), 7 kept$'
expect_match "gc through the daemon: logged" "$(cat "$repo/stone.log")" 'gc requested'
{ kill "$holder"; wait "$holder"; } 2>/dev/null
sleep 2.5
expect "the view gone, the daemon trims the rest" "$(log_entries)" 0
mg status
expect_match "status: what the trims removed" "$(field gc)" '^commit log trimmed every 1s, 7 entries removed since start, last trim [0-9:]+ up to seq 12; object GC idle, last sweep [0-9:]+ \(round [0-9]+\) freed [0-9]+ records'
expect_match "stone.log: trims are logged" "$(cat "$repo/stone.log")" 'trimmed the commit log: [0-9]+ entr(y|ies) up to seq 12'

# a view the daemon saw begin is bounded exactly, however many reservations follow
"$HELPER" hold "$repo" 60 >"$TMP/held2" &
holder=$!
while [ ! -s "$TMP/held2" ]; do sleep 0.02; done
sleep 1.5
for i in 1 2 3; do "$HELPER" commit "$repo" 1 >/dev/null; done
mg status
expect_match "the daemon's samples make the bound exact" "$OUT" "^session: pid $holder helper, view at seq >= 12 \(at most 3 commits behind\), age [0-9]+s"
{ kill "$holder"; wait "$holder"; } 2>/dev/null

# end to end: a gem that holds an old view still sees, at its next abort, a
# change committed meanwhile, however often the daemon trimmed in between
if have_ruby; then
	"$MRUBY" -e 'Maglev[:k] = [1]; Maglev.commit'
	"$MRUBY" -e 'a = Maglev[:k].first; sleep 3; Maglev.abort_transaction; p [a, Maglev[:k].first]' >"$TMP/gem" 2>&1 &
	gem=$!
	sleep 1
	mg status
	expect_match "status lists the gem's session" "$OUT" "^session: pid $gem maglev-ruby, view at seq"
	"$MRUBY" -e 'Maglev[:k][0] = 2; Maglev.commit'
	wait "$gem"
	expect "the gem saw the change after trims" "$(cat "$TMP/gem")" "[1, 2]"
else
	echo "ok - a gem's view survives the daemon's trims # skip: bin/maglev-ruby cannot commit yet"
fi
mg stop
finish
