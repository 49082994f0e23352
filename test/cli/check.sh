#!/usr/bin/env bash
# check: a healthy repository, one checked while another process commits, a
# record with a flipped byte, a damaged B-tree, garbage and empty files.
. "$(dirname "$0")/lib.sh"
build_helper

mg create
mg check
expect "check an empty repository: exit 0" "$RC" 0
expect "check: the report" "$OUT" "checking stone 'maglev' in $MAGLEV_DATA/maglev
records: 0 checked, 0 corrupt
commit log: 0 entries checked
references: 0 dangling
reachable: 0 of 0 records from 0 roots
unreachable: 0 records (0 bytes)
stone 'maglev' is ok"

"$HELPER" commit "$MAGLEV_DATA/maglev" 20 >/dev/null
mg check
expect "check 20 records: exit 0" "$RC" 0
expect_match "check 20 records" "$OUT" '^records: 20 checked, 0 corrupt$'
expect_match "check 20 log entries" "$OUT" '^commit log: 20 entries checked$'

# while four processes commit
for i in 1 2 3 4; do "$HELPER" pairs "$MAGLEV_DATA/maglev" 2 & done
sleep 0.3
bad=0
for i in 1 2 3; do
	mg check
	[ "$RC" -eq 0 ] || { bad=1; echo "$OUT $ERR" | tail -n 5; }
done
wait
expect "check while four processes commit: clean" "$bad" 0

# a record with a flipped byte: its checksum fails, the others are fine
mg create bad
"$HELPER" commit "$MAGLEV_DATA/bad" 5 filler >/dev/null
"$HELPER" commit "$MAGLEV_DATA/bad" 1 "MARKER-XYZZY-0123456789" >/dev/null
db=$MAGLEV_DATA/bad/data.mdb
offsets=$(grep -abo 'MARKER-XYZZY' "$db" | cut -d: -f1)
expect "marker found in data.mdb" "$([ -n "$offsets" ] && echo yes)" yes
for off in $offsets; do    # every copy (copy-on-write leaves old pages behind): the live one is among them
	printf 'Q' | dd of="$db" bs=1 seek="$off" conv=notrunc status=none
done
mg check bad
expect_fail "check a corrupt record" "^maglev: stone 'bad' failed its check$"
expect_match "check names the OOP and the checksum" "$OUT" '^corrupt: record of OOP [0-9]+ fails its checksum$'
expect_match "check counts it" "$OUT" '^records: 6 checked, 1 corrupt$'
mg check
expect "the other stone is still fine" "$RC" 0

# a damaged B-tree: LMDB may fail or fault; check reports either in one line
mg create tree
"$HELPER" commit "$MAGLEV_DATA/tree" 50 "padding-padding-padding-padding" >/dev/null
cp "$MAGLEV_DATA/tree/data.mdb" "$TMP/clean.mdb"
crashes=0
fine=1
for seed in $(seq 1 40); do
	cp "$TMP/clean.mdb" "$MAGLEV_DATA/tree/data.mdb"
	size=$(stat -c %s "$TMP/clean.mdb")
	RANDOM=$seed
	for k in 1 2 3 4 5 6 7 8; do
		off=$((8192 + (RANDOM * 32768 + RANDOM) % (size - 8192)))
		printf "\\x$(printf %02x $((RANDOM % 256)))" | dd of="$MAGLEV_DATA/tree/data.mdb" bs=1 seek="$off" conv=notrunc status=none
	done
	mg check tree
	if [ "$RC" -gt 1 ] || { [ "$RC" -eq 1 ] && [ "$(printf '%s\n' "$ERR" | grep -c .)" -ne 1 ]; }; then
		fine=0
		echo "  seed $seed: exit $RC, stderr: $ERR"
	fi
	case $ERR in *crashed*) crashes=$((crashes + 1)) ;; esac
done
expect "damaged B-trees: exit 0 or 1 with one line, never a crash" "$fine" 1

# files that are no repository
printf 'not an LMDB file at all, just some text\n%.0s' $(seq 200) >"$MAGLEV_DATA/tree/data.mdb"
mg check tree
expect_fail "check a garbage data.mdb" "^maglev: stone 'tree' does not open"
expect_match "check says why" "$OUT" '^corrupt: the repository does not open: .*MDB_INVALID'
mg status tree
expect_fail "status of a garbage data.mdb" "^maglev: cannot open stone 'tree'"
: >"$MAGLEV_DATA/tree/data.mdb"
mg check tree
expect_fail "check an empty data.mdb" "does not open"
mg status tree
expect_fail "status of an empty data.mdb" "is empty \(zero bytes\)"
finish
