#!/usr/bin/env bash
# Many processes starting at once on a stone that does not exist yet all open
# it (DESIGN.md section 7: the first use creates it, silently). Two of them
# could both see no directory and both mkdir it: the second failed with
# "repository ... could not be opened: File exists" (lib_objectlog.sh's four
# writers met it under load). The window is narrow, so each round starts ten
# processes on a new stone, 50 times.
. "$(dirname "$0")/lib.sh"
bad=""
for round in $(seq 1 50); do
	fresh_repository race$round
	for w in 1 2 3 4 5 6 7 8 9 10; do
		"$MRUBY" -e 'p Maglev[:x], Maglev::System.session_id > 0' >"$MAGLEV_DATA/out$round.$w" 2>&1 &
	done
	wait
	for w in 1 2 3 4 5 6 7 8 9 10; do
		[ "$(cat "$MAGLEV_DATA/out$round.$w")" = $'nil\ntrue' ] || bad="$bad
round $round process $w: $(head -1 "$MAGLEV_DATA/out$round.$w")"
	done
done
expect "500 processes, ten at a time on a new stone, all opened it" "${bad:-all opened}" "all opened"
finish
