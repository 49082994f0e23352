#!/usr/bin/env bash
# PostgreSQL backend: a commit whose connection is lost before its answer
# came (pg_backend.c P10). The gem reconnects and asks the repository, so
# the commit call answers for sure: "not made" when the server process was
# ended while the commit waited for the commit token, and made (true) when
# it was ended after the commit was in, while it waited for the disk (here:
# for a synchronous standby that does not exist). Either way a retry after
# an abort never applies a transaction twice. Both kinds of commit are
# covered: the shared flush (mg_save) and the one-transaction solo commit.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: ends a PostgreSQL connection mid-commit"; exit 77; }
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pglost.XXXXXX")   # its own server: ALTER SYSTEM below
URL=$("$ROOT/test/pg/server.sh" start "$SRV") || exit 1
holder=
trap 'rm -rf "$MAGLEV_DATA"; [ -n "$holder" ] && kill "$holder" 2>/dev/null; "$ROOT/test/pg/server.sh" stop "$SRV"' EXIT
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/postgres" -c "CREATE DATABASE l" || exit 1
export MAGLEV_REPOSITORY="$URL/l"
sql() { "${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -t -A -v ON_ERROR_STOP=1 -d "$URL/l" -c "$1"; }
# until NAME SQL: waits (up to 30 s) until SQL answers t
until_sql() {
	local i
	for i in $(seq 300); do
		[ "$(sql "$2")" = t ] && return 0
		sleep 0.1
	done
	echo "gave up waiting: $1"
	return 1
}
mrb 'Maglev[:n] = 0; Maglev[:log] = []; Maglev.commit' >/dev/null

# GEM KIND: one round of both cases on gem GEM; KIND names the log entries
round() {
	local g=$1 kind=$2 in out pid res
	eval "in=\$${g}_in out=\$${g}_out pid=\$${g}_pid"
	local backend="SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'maglev $pid %'"
	local step="R[:n] += 1; R[:log] << :KEY; begin; Maglev.commit; rescue StandardError => e; e.message[/which was not made|may or may not/] || e.message; end"

	# 1. ended while it waits for the commit token: not made
	[ "$kind" = solo ] && gem "$g" "$WARM" >/dev/null
	PGAPPNAME=holder "${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/l" -c "SELECT pg_advisory_lock(1)" -c "SELECT pg_sleep(120)" >/dev/null 2>&1 &
	holder=$!
	until_sql "the token is held" "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = 1 AND objsubid = 1 AND granted" || return
	echo "${step//KEY/${kind}_lost}" >&"$in"
	until_sql "the commit waits for the token" \
		"SELECT count(*) = 1 FROM pg_stat_activity WHERE pid IN ($backend) AND wait_event_type = 'Lock'" || return
	sql "SELECT pg_terminate_backend(pid) FROM ($backend) b" >/dev/null
	IFS= read -r res <&"$out"
	sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'holder'" >/dev/null
	wait "$holder" 2>/dev/null; holder=
	expect "$kind: a commit ended before it was made is reported as not made" "$res" '"which was not made"'
	expect "$kind: nothing of it is in the repository" "$(mrb 'p Maglev[:n], Maglev[:log]')" "$3"
	expect "$kind: the retry after an abort commits" "$(gem "$g" "Maglev.abort_transaction; ${step//KEY/${kind}_retried}")" "true"

	# 2. ended after it was made, while it waits for the disk (a standby): made
	[ "$kind" = solo ] && gem "$g" "$WARM" >/dev/null
	sql "ALTER SYSTEM SET synchronous_standby_names = 'nobody'" >/dev/null
	sql "SELECT pg_reload_conf()" >/dev/null
	sleep 0.5
	echo "${step//KEY/${kind}_made}" >&"$in"
	until_sql "the commit waits for the standby" \
		"SELECT count(*) = 1 FROM pg_stat_activity WHERE pid IN ($backend) AND wait_event = 'SyncRep'" || return
	sql "SELECT pg_terminate_backend(pid) FROM ($backend) b" >/dev/null
	sql "ALTER SYSTEM RESET synchronous_standby_names" >/dev/null
	sql "SELECT pg_reload_conf()" >/dev/null
	IFS= read -r res <&"$out"
	expect "$kind: a commit ended after it was made is reported as made" "$res" "true"
	expect "$kind: the gem goes on from it" "$(gem "$g" 'R[:log].last')" ":${kind}_made"
}

WARM='4.times { R[:n] += 0; Maglev.commit }'     # P2: a commit right after its view three times, then solo
gem_start a
gem a 'R = Maglev::PERSISTENT_ROOT; :ok' >/dev/null
round a solo $'0\n[]'
gem_stop a
MAGLEV_PG_SOLO=0 gem_start b
gem b 'R = Maglev::PERSISTENT_ROOT; :ok' >/dev/null
round b shared $'2\n[:solo_retried, :solo_made]'
gem_stop b
expect "every transaction is there once" "$(mrb 'p Maglev[:n], Maglev[:log]')" \
	$'4\n[:solo_retried, :solo_made, :shared_retried, :shared_made]'
expect "the log names the connection of every commit" "$(sql "SELECT count(*) FILTER (WHERE cid IS NULL) FROM mg_log")" 0
finish
