#!/usr/bin/env bash
# create, list and status on fresh repositories; how the stone is chosen
# (STONE, --stone, MAGLEV_STONE, MAGLEV_DATA, MAGLEV_HOME, the install folder).
. "$(dirname "$0")/lib.sh"

mg list
expect "list without a data folder: exit 0" "$RC" 0
expect "list without a data folder: no output" "$OUT$ERR" ""

mg status
expect_fail "status of a missing stone" "^maglev: stone 'maglev' does not exist \(no repository in $MAGLEV_DATA/maglev\)$"
mg check
expect_fail "check of a missing stone" "does not exist"
mg stop
expect_fail "stop of a missing stone" "does not exist"
mg gc
expect_fail "gc of a missing stone" "does not exist"
expect "nothing created by failed commands" "$(ls -A "$TMP" | grep -c '^data$')" 0

mg create
expect "create: exit 0" "$RC" 0
expect "create: says where" "$OUT" "created stone 'maglev' in $MAGLEV_DATA/maglev"
expect "create: data folder is owner-only" "$(stat -c %a "$MAGLEV_DATA")" 700
expect "create: repository folder is owner-only" "$(stat -c %a "$MAGLEV_DATA/maglev")" 700
expect "create: data.mdb is owner-only" "$(stat -c %a "$MAGLEV_DATA/maglev/data.mdb")" 600
mg create
expect_fail "create of an existing stone" "^maglev: stone 'maglev' already exists"
mg create ../evil
expect_fail "create with a path as the name" "is not a stone name"
mg create .hidden
expect_fail "create with a dot name" "is not a stone name"
mg create ''
expect_fail "create with an empty name (it created the default stone)" "'' is not a stone name"
expect "bad names create nothing" "$(ls -A "$MAGLEV_DATA" | tr '\n' ' ')" "maglev "

mg status
expect "status of a stopped stone: exit 3" "$RC" 3
expect "status: first line" "$(printf '%s\n' "$OUT" | head -n 1)" "not running"
expect "status: stone" "$(field stone)" maglev
expect "status: repository" "$(field repository)" "$MAGLEV_DATA/maglev"
expect_match "status: size" "$(field size)" '^[0-9]+ bytes$'
expect "status: objects" "$(field objects)" 0
expect "status: last commit" "$(field 'last commit')" 0
expect "status: commit log" "$(field 'commit log')" "0 entries"
expect "status: sessions" "$(field sessions)" 0
expect_match "status: gc says object GC is idle" "$(field gc)" 'object GC idle, no sweep yet$'
expect "status: no pid when stopped" "$(field pid)" ""

build_helper
"$HELPER" commit "$MAGLEV_DATA/maglev" 7 >/dev/null
mg status
expect "status after 7 commits: objects" "$(field objects)" 7
expect "status after 7 commits: last commit" "$(field 'last commit')" 7
expect "status after 7 commits: commit log" "$(field 'commit log')" "7 entries"

# other stones: positional, --stone, MAGLEV_STONE
mg create second
expect "create STONE" "$OUT" "created stone 'second' in $MAGLEV_DATA/second"
mg --stone third create
expect "--stone before the command" "$OUT" "created stone 'third' in $MAGLEV_DATA/third"
mg create --stone=fourth
expect "--stone=NAME after the command" "$OUT" "created stone 'fourth' in $MAGLEV_DATA/fourth"
OUT=$(MAGLEV_STONE=fifth "$MAGLEV" create 2>&1)
expect "MAGLEV_STONE" "$OUT" "created stone 'fifth' in $MAGLEV_DATA/fifth"
OUT=$(MAGLEV_STONE=fifth "$MAGLEV" status second | sed -n 's/^stone: //p')
expect "a STONE argument beats MAGLEV_STONE" "$OUT" second
mg create Mixed.Name_1-2
expect "letters, digits, . _ - are fine" "$RC" 0

mg list
expect "list: every stone, sorted, with its state" "$OUT" "$(printf '%-20s %s\n' Mixed.Name_1-2 'not running' fifth 'not running' fourth 'not running' maglev 'not running' second 'not running' third 'not running')"
# a folder that is no repository and a stray file are not stones
mkdir "$MAGLEV_DATA/empty"
echo junk >"$MAGLEV_DATA/file"
mg list
expect "list: skips what is not a repository" "$(printf '%s\n' "$OUT" | wc -l)" 6

# MAGLEV_HOME and the installation folder
OUT=$(env -u MAGLEV_DATA MAGLEV_HOME="$TMP/home" "$MAGLEV" create 2>&1)
expect "MAGLEV_HOME/data without MAGLEV_DATA" "$OUT" "created stone 'maglev' in $TMP/home/data/maglev"
mkdir -p "$TMP/inst/bin"
cp "$MAGLEV" "$TMP/inst/bin/maglev"
OUT=$(env -u MAGLEV_DATA "$TMP/inst/bin/maglev" create 2>&1)
expect "<exe dir>/../data by default" "$OUT" "created stone 'maglev' in $TMP/inst/data/maglev"
OUT=$(cd "$TMP" && MAGLEV_DATA=rel "$MAGLEV" create 2>&1)
expect "a relative MAGLEV_DATA is made absolute" "$OUT" "created stone 'maglev' in $TMP/rel/maglev"
finish
