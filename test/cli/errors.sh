#!/usr/bin/env bash
# Bad input never crashes maglev and fails with one line: a data folder that
# is a file, stale or garbage pid files, a stale socket, a pid file held by
# something else, paths too long for a socket address, bad stone names.
. "$(dirname "$0")/lib.sh"
repo=$MAGLEV_DATA/maglev

# the data folder is a file
echo "i am a file" >"$TMP/datafile"
OUT=$(MAGLEV_DATA=$TMP/datafile "$MAGLEV" create 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
expect_fail "create in a data folder that is a file" "^maglev: cannot create the data folder $TMP/datafile: Not a directory$"
OUT=$(MAGLEV_DATA=$TMP/datafile "$MAGLEV" list 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
expect_fail "list a data folder that is a file" "^maglev: cannot read the data folder"
OUT=$(MAGLEV_DATA=$TMP/datafile "$MAGLEV" start 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
expect_fail "start in a data folder that is a file" "cannot create the data folder"

OUT=$(MAGLEV_STONE='a/b' "$MAGLEV" status 2>"$TMP/e"); RC=$?; ERR=$(cat "$TMP/e")
expect_fail "a bad MAGLEV_STONE" "is not a stone name"

mg create
# garbage in the pid file
echo "not a pid" >"$repo/stone.pid"
mg status
expect "garbage pid file: not running" "$RC $(printf '%s\n' "$OUT" | head -n 1)" "3 not running"
mg stop
expect_fail "garbage pid file: stop says not running" "is not running"
# a pid file naming a live process that is no stone (this shell)
echo $$ >"$repo/stone.pid"
mg status
expect "live unrelated pid: not running" "$(printf '%s\n' "$OUT" | head -n 1)" "not running"
expect "live unrelated pid: this shell survives" "$(kill -0 $$ && echo yes)" yes
# a stale socket file, even a plain file
echo junk >"$repo/stone.sock"
mg start
expect "start over a stale pid file and socket" "$RC" 0
pid=$(cat "$repo/stone.pid")
expect "the new daemon wrote its pid" "$([ "$pid" != $$ ] && alive "$pid" && echo yes)" yes
expect "the stale socket was replaced" "$([ -S "$repo/stone.sock" ] && echo yes)" yes
mg status
expect "status answers" "$(printf '%s\n' "$OUT" | head -n 1)" running
mg stop
expect "stop after the stale start" "$RC" 0

# the pid file is a folder, or a symlink
mv "$repo/stone.pid" "$TMP/pid.save"
mkdir "$repo/stone.pid"
mg status
expect "a folder as pid file: not running" "$RC" 3
mg start
expect_fail "a folder as pid file: start fails in one line" "^maglev: cannot start stone 'maglev': .*stone.pid"
rmdir "$repo/stone.pid"
ln -s /etc/passwd "$repo/stone.pid"
mg start
expect_fail "a symlink as pid file: start refuses it" "^maglev: cannot start stone 'maglev': .*stone.pid"
rm "$repo/stone.pid"

# someone else holds the pid-file lock: running, but not answering
touch "$repo/stone.pid"
flock "$repo/stone.pid" sleep 30 &
locker=$!
sleep 0.2
mg status
expect "a held lock without a daemon: running" "$(printf '%s\n' "$OUT" | head -n 1)" running
expect_match "... and not answering" "$OUT" '^note: the stone does not answer on its socket'
expect_match "... yet the repository is read" "$OUT" '^objects: 0$'
mg start
expect_fail "start while the lock is held by a non-stone" "^maglev: cannot start stone 'maglev': its pid file is locked .* nothing answers on its socket"
mg stop
expect_fail "stop cannot signal what is not a stone" "does not answer on its socket .* cannot be signalled"
expect "... and kills nothing" "$(kill -0 "$locker" && echo alive)" alive
{ kill "$locker"; wait "$locker"; } 2>/dev/null
sleep 0.1

# a data folder path longer than a socket address holds
long=$TMP/$(printf 'very-long-folder-name-%.0s' 1 2 3 4 5 6)
OUT=$(MAGLEV_DATA=$long "$MAGLEV" start 2>&1); RC=$?
expect "start with a ${#long}-byte path" "$RC" 0
OUT=$(MAGLEV_DATA=$long "$MAGLEV" status 2>&1)
expect "status over the long path" "$(printf '%s\n' "$OUT" | head -n 1)" running
OUT=$(MAGLEV_DATA=$long "$MAGLEV" stop 2>&1); RC=$?
expect "stop over the long path" "$RC $OUT" "0 stone 'maglev' stopped"

# a data.mdb that is a folder is no repository
mkdir -p "$MAGLEV_DATA/odd/data.mdb"
mg status odd
expect_fail "data.mdb as a folder: no such stone" "does not exist"
mg list
expect "list skips it" "$(printf '%s\n' "$OUT" | grep -c odd)" 0
finish
