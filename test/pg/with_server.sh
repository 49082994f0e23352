#!/usr/bin/env bash
# test/pg/with_server.sh COMMAND...: runs COMMAND with a private PostgreSQL
# server (test/pg/server.sh) started for it and stopped after it, its URL
# (without a database) in MAGLEV_PG_URL and its programs' folder in
# MAGLEV_PG_BIN. Without PostgreSQL the command runs anyway, without the
# variables: the PostgreSQL pass of the tests then skips, saying why.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pg.XXXXXX")
if url=$("$here/server.sh" start "$dir" 2>"$dir.err"); then
	export MAGLEV_PG_URL=$url
	export MAGLEV_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	trap '"$here/server.sh" stop "$dir"; rm -f "$dir.err"' EXIT
else
	echo "with_server.sh: no PostgreSQL server: $(tail -n 1 "$dir.err")" >&2
	rm -rf "$dir" "$dir.err"
fi
"$@"
