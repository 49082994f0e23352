#!/usr/bin/env bash
# destroy: asks unless --force; refuses a running stone, one in use, a missing
# one and a call without a name.
. "$(dirname "$0")/lib.sh"
build_helper

mg create doomed
mg destroy
expect "destroy needs a name: exit 2" "$RC" 2
MAGLEV_STONE=doomed "$MAGLEV" destroy --force </dev/null >/dev/null 2>&1
expect "MAGLEV_STONE alone does not name the victim" "$?" 2

mg destroy nosuch --force
expect_fail "destroy a missing stone" "^maglev: stone 'nosuch' does not exist"

mg_in "" destroy doomed
expect "no answer: exit 1" "$RC" 1
expect_match "no answer: the question was asked" "$ERR" "^destroy stone 'doomed' in $MAGLEV_DATA/doomed, with every object in it\? \[y/N\]"
expect_match "no answer: not destroyed" "$(printf '%s\n' "$ERR" | tail -n 1)" "^maglev: stone 'doomed' not destroyed \(--force destroys without asking\)$"
mg_in $'n\n' destroy doomed
expect "answer n: exit 1" "$RC" 1
mg status doomed
expect "answer n: the stone is still there" "$RC" 3

mg start doomed
mg destroy doomed --force
expect_fail "destroy a running stone" "^maglev: stone 'doomed' is running: stop it before destroying it"
mg stop doomed

"$HELPER" hold "$MAGLEV_DATA/doomed" 60 >"$TMP/held" &
holder=$!
while [ ! -s "$TMP/held" ]; do sleep 0.02; done
mg destroy doomed --force
expect_fail "destroy a stone in use" "is in use by process $holder"
{ kill "$holder"; wait "$holder"; } 2>/dev/null

mg_in $'y\n' destroy doomed
expect "answer y: exit 0" "$RC" 0
expect "answer y: destroyed" "$OUT" "destroyed stone 'doomed'"
expect "answer y: the folder is gone" "$([ -e "$MAGLEV_DATA/doomed" ] && echo there || echo gone)" gone

mg create doomed2
mg start doomed2
mg stop doomed2
mg destroy --stone doomed2 --force
expect "destroy --force: exit 0" "$RC" 0
expect "destroy --force: asks nothing" "$ERR" ""
expect "destroy --force: pid file and log are gone too" "$([ -e "$MAGLEV_DATA/doomed2" ] && echo there || echo gone)" gone
mg list
expect "list after destroy: nothing" "$OUT" ""

mg create keep
touch "$MAGLEV_DATA/keep/my-notes.txt"
mg destroy keep --force
expect_fail "a stranger's file keeps the folder" "removed the repository, but not"
expect "the stranger's file survives" "$(ls "$MAGLEV_DATA/keep")" "my-notes.txt"
finish
