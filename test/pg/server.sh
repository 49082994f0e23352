#!/usr/bin/env bash
# test/pg/server.sh -- a private PostgreSQL server for the tests, on a Unix
# socket in a temporary folder (no TCP port, nothing shared with the machine).
#   test/pg/server.sh start DIR   initdb + pg_ctl start in DIR (must not exist);
#                                 prints the server's URL without a database:
#                                 append /DBNAME
#   test/pg/server.sh restart DIR stops it (fast: sessions are cut) and starts it again
#   test/pg/server.sh crash DIR   stops it at once (immediate: no checkpoint, as if
#                                 it crashed; WAL replay at the start) and starts it again
#   test/pg/server.sh stop DIR    stops it and removes DIR
# As root the server runs as an unprivileged user (postgres, else nobody) that
# owns DIR (so DIR's parent must let that user in: /tmp does). PG_BIN names PostgreSQL's programs (default: the newest under
# /usr/lib/postgresql). MAGLEV_PG_FSYNC=off (the default here) runs the
# server without fsync: the tests check semantics, not machine crashes.
# MAGLEV_PG_LISTEN=ADDR,... (with MAGLEV_PG_PORT and MAGLEV_PG_HBA=CIDR) also
# listens on TCP there, trusting clients from CIDR: the two-"host" test's
# network namespaces reach the server over veth pairs.
set -eu
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|restart|crash|stop DIR" >&2; exit 2; }
if [ -z "${PG_BIN:-}" ]; then
	PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$PG_BIN/pg_ctl" ] || { echo "$0: PostgreSQL server programs not found (install postgresql-15)" >&2; exit 3; }

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u "$owner" -- "$@"
	else
		"$@"
	fi
}
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
	if getent passwd postgres >/dev/null; then owner=postgres; else owner=nobody; fi
fi

case $cmd in
start)
	mkdir -m 0700 "$dir"
	mkdir -m 0700 "$dir/data" "$dir/sock"
	[ "$(id -u)" -eq 0 ] && chown -R "$owner" "$dir"
	as_owner "$PG_BIN/initdb" -D "$dir/data" -U maglev -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	# the settings stay with the data folder, for restarts
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '${MAGLEV_PG_LISTEN:-}'
port = ${MAGLEV_PG_PORT:-5432}
unix_socket_directories = '$dir/sock'
max_connections = 300
fsync = ${MAGLEV_PG_FSYNC:-off}
shared_buffers = 128MB
max_locks_per_transaction = 256
max_wal_size = 4GB
CONF
	[ -n "${MAGLEV_PG_HBA:-}" ] && echo "host all maglev $MAGLEV_PG_HBA trust" >>"$dir/data/pg_hba.conf"
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -s start ||
		{ cat "$dir/data/server.log" >&2; exit 1; }
	# the host part of a URL may name a socket folder, percent-encoded
	echo "postgresql://maglev@$(printf '%s' "$dir/sock" | sed 's#/#%2F#g')${MAGLEV_PG_PORT:+:$MAGLEV_PG_PORT}"
	;;
restart)
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -m fast -w -s restart
	;;
crash)
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -s stop
	as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -s start
	;;
stop)
	[ -d "$dir/data" ] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -s stop || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|restart|crash|stop DIR" >&2; exit 2 ;;
esac
