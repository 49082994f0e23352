#!/usr/bin/env bash
# restore: refuses a running stone and one another process has open, refuses
# files that are no backup and backups that fail the check (unless --force),
# replaces a stopped stone's repository, creates a missing one.
. "$(dirname "$0")/lib.sh"
build_helper
repo=$MAGLEV_DATA/maglev

mg create
"$HELPER" commit "$repo" 3 >/dev/null
mg backup "$TMP/three.mdb"
"$HELPER" commit "$repo" 4 >/dev/null
mg status
expect "7 commits before the restore" "$(field 'last commit')" 7

mg restore "$TMP/missing.mdb"
expect_fail "restore a missing file" "missing.mdb: No such file"
mg restore "$TMP"
expect_fail "restore a folder" "is not a backup file"
echo "garbage garbage garbage" >"$TMP/garbage.mdb"
mg restore "$TMP/garbage.mdb"
expect_fail "restore a file that is no backup" "garbage.mdb is not a maglev backup"
mg status
expect "the stone is untouched by refused restores" "$(field 'last commit')" 7
expect "no temporary folders left" "$(ls -A "$MAGLEV_DATA" | grep -c '^\.')" 0

# running: refused, nothing changes
mg start
mg restore maglev "$TMP/three.mdb"
expect_fail "restore onto a running stone" "^maglev: stone 'maglev' is running: stop it before restoring onto it \(maglev stop maglev\)$"
mg status
expect "refused restore: still running" "$(printf '%s\n' "$OUT" | head -n 1)" running
expect "refused restore: the data is untouched" "$(field 'last commit')" 7
mg stop

# another process has it open: refused
"$HELPER" hold "$repo" 60 >"$TMP/held" &
holder=$!
while [ ! -s "$TMP/held" ]; do sleep 0.02; done
mg restore maglev "$TMP/three.mdb"
expect_fail "restore onto a stone in use" "^maglev: stone 'maglev' is in use by process $holder \(lock held\)"
{ kill "$holder"; wait "$holder"; } 2>/dev/null

mg restore maglev "$TMP/three.mdb"
expect "restore onto a stopped stone: exit 0" "$RC" 0
expect "restore: says what it restored" "$OUT" "restored stone 'maglev' from $TMP/three.mdb: last commit 3, 3 objects"
mg status
expect "restored: the backup's state" "$(field 'last commit') $(field objects)" "3 3"
expect "restored: the log of the stone is kept" "$([ -s "$repo/stone.log" ] && echo yes)" yes
expect "restored: owner-only" "$(stat -c %a "$repo") $(stat -c %a "$repo/data.mdb")" "700 600"
expect "restored: no temporary folders left" "$(ls -A "$MAGLEV_DATA" | grep -c '^\.')" 0
mg check
expect "restored: passes check" "$RC" 0
"$HELPER" commit "$repo" 1 >/dev/null
mg status
expect "restored: commits go on from the backup's sequence" "$(field 'last commit')" 4
mg start
expect "restored: the stone starts" "$RC" 0
mg stop

# a new stone from a backup
mg restore fresh "$TMP/three.mdb"
expect "restore creates a missing stone" "$RC" 0
mg list
expect_match "list shows the new stone" "$OUT" '^fresh +not running$'

# a backup with a corrupt record: refused, unless --force
cp "$TMP/three.mdb" "$TMP/bad.mdb"
mkdir "$TMP/badrepo"
cp "$TMP/three.mdb" "$TMP/badrepo/data.mdb"
"$HELPER" commit "$TMP/badrepo" 1 "MARKER-XYZZY-0123456789" >/dev/null
rm -f "$TMP/badrepo/lock.mdb"
for off in $(grep -abo 'MARKER-XYZZY' "$TMP/badrepo/data.mdb" | cut -d: -f1); do
	printf 'Q' | dd of="$TMP/badrepo/data.mdb" bs=1 seek="$off" conv=notrunc status=none
done
mg restore broken "$TMP/badrepo/data.mdb"
expect_fail "restore a backup that fails its check" "fails its check .*--force"
mg status broken
expect_fail "the refused stone does not exist" "does not exist"
mg restore broken "$TMP/badrepo/data.mdb" --force
expect "restore --force takes it anyway" "$RC" 0
mg check broken
expect "check finds the corrupt record" "$RC" 1
finish
