#!/usr/bin/env bash
# A gem that starts while its repository cannot be opened (the PostgreSQL
# server is down; on LMDB a file stands where the repository's folder
# should be) runs plain Ruby, and its persistence calls raise a clear
# error; once the repository is back, the next transaction boundary opens
# it -- no restart needed (the open failed for good until now). Object ids
# taken meanwhile were this process's own: committing such an object is
# refused with TransactionError naming it, objects made later commit.
. "$(dirname "$0")/lib.sh"
if on_pg; then
	SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgdown.XXXXXX")   # its own server: the pass's one is shared
	URL=$("$ROOT/test/pg/server.sh" start "$SRV") || exit 1
	trap 'rm -rf "$MAGLEV_DATA"; "$ROOT/test/pg/server.sh" stop "$SRV"' EXIT
	"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/postgres" -c "CREATE DATABASE r" || exit 1
	export MAGLEV_REPOSITORY="$URL/r"
	PG_CTL="${MAGLEV_PG_BIN:-/usr/lib/postgresql/15/bin}/pg_ctl"
	as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$(stat -c %U "$SRV/data")" -- "$@"; else "$@"; fi; }
	away() { as_owner "$PG_CTL" -D "$SRV/data" -m fast -w -s stop; }
	back() { as_owner "$PG_CTL" -D "$SRV/data" -l "$SRV/data/server.log" -w -s start; }
else
	away() { mv "$MAGLEV_DATA/$MAGLEV_STONE" "$MAGLEV_DATA/away"; : >"$MAGLEV_DATA/$MAGLEV_STONE"; }
	back() { rm "$MAGLEV_DATA/$MAGLEV_STONE"; mv "$MAGLEV_DATA/away" "$MAGLEV_DATA/$MAGLEV_STONE"; }
fi
mrb 'Maglev[:x] = "there"; Maglev.commit' >/dev/null
away
gem_start g
expect "plain Ruby runs" "$(gem g 'early = Object.new; EID = early.object_id; EARLY = early; H = { early => 1 }; [1, 2].sum')" "3"
expect "a persistence call raises a clear error" \
	"$(gem g 'begin; Maglev[:x]; rescue RuntimeError => e; e.message.include?("could not be opened"); end')" "true"
expect "so does a transaction boundary while it is away" \
	"$(gem g 'begin; Maglev.abort_transaction; rescue RuntimeError => e; e.message.include?("could not be opened"); end')" "true"
back
expect "back: a call before the next boundary still raises" \
	"$(gem g 'begin; Maglev[:x]; rescue RuntimeError => e; e.message.include?("could not be opened"); end')" "true"
expect "the next boundary opens the repository" "$(gem g 'Maglev.abort_transaction; Maglev[:x]')" '"there"'
expect "and commits go through" "$(gem g 'Maglev[:y] = [1, 2]; Maglev.commit_transaction')" "true"
expect "an object whose id was taken meanwhile is refused, named" \
	"$(gem g 'Maglev[:e] = EARLY; begin; Maglev.commit_transaction; rescue TransactionError => e; [e.object.equal?(EARLY), e.message[/object id was taken while the repository could not be opened/] ? :why : e.message]; end')" \
	"[true, :why]"
expect "it keeps its id, and identity hashes still find it" "$(gem g 'Maglev.abort_transaction; [EARLY.object_id == EID, H[EARLY]]')" "[true, 1]"
expect "objects made now get ids of the repository and commit" \
	"$(gem g 'o = Object.new; Maglev[:later] = [o, o.object_id]; [o.object_id < EID, Maglev.commit_transaction]')" "[true, true]"
expect "sessions work" "$(gem g 'Maglev::System.session_id > 0')" "true"
gem_stop g
expect "another process reads what it committed" "$(mrb 'p Maglev[:y], Maglev[:later][0].object_id == Maglev[:later][1], Maglev[:e]')" \
	$'[1, 2]\ntrue\nnil'
finish
