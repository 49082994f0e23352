#!/usr/bin/env bash
# PostgreSQL backend and bin/maglev: `maglev create NAME --backend URL` makes
# a stone whose repository is a database (the base image loaded into it);
# gems of two "hosts" (data folders of their own, each naming the stone)
# share it; status, check, gc, backup and restore work on it; what needs an
# LMDB repository refuses clearly; the stone starts and stops.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: maglev create --backend postgresql://"; exit 77; }
M="$ROOT/bin/maglev"
H1="$MAGLEV_DATA/host1" H2="$MAGLEV_DATA/host2"
unset MAGLEV_REPOSITORY          # the stones' folders name the database
expect "create --backend" "$(MAGLEV_DATA=$H1 "$M" create web --backend "$MAGLEV_PG_URL/$MAGLEV_PG_DB")" \
	"created stone 'web' on PostgreSQL ($H1/web/repository names the database)"
expect "the folder holds only the owner-only pointer" "$(stat -c '%a %n' "$H1"/web/* | sed "s#$H1/##")" "600 web/repository"
mkdir -p "$H2/web" && cp -p "$H1/web/repository" "$H2/web/"          # the second host names it too
expect "a gem on host 1 commits" "$(MAGLEV_DATA=$H1 MAGLEV_STONE=web "$MRUBY" -e '
  Maglev.persistent { class Gadget; end }; Maglev[:gadgets] = [Gadget.new, Gadget.new]
  Maglev[:shared] = "from host 1"; Maglev[:junk] = Array.new(5) { |i| "junk#{i}" }; Maglev.commit
  Maglev[:junk] = nil; Maglev.commit; p :ok')" ":ok"
expect "a gem on host 2 sees it" "$(MAGLEV_DATA=$H2 MAGLEV_STONE=web "$MRUBY" -e 'p Maglev[:shared]')" '"from host 1"'
expect "the base image's class records are there" "$(MAGLEV_DATA=$H1 "$M" status web | grep -c '^objects: [1-9]')" "1"
expect "check" "$(MAGLEV_DATA=$H1 "$M" check web | tail -n 1)" "stone 'web' is ok"
expect "gc frees the unreachable records" \
	"$(MAGLEV_DATA=$H2 "$M" gc web | sed -n 's/^objects: freed \([0-9]*\) records.*/\1/p')" "6"
expect "still ok after gc" "$(MAGLEV_DATA=$H1 "$M" check web | tail -n 1)" "stone 'web' is ok"
expect "start" "$(MAGLEV_DATA=$H1 "$M" start web | sed 's/(pid [0-9]*)/(pid N)/')" "stone 'web' started (pid N)"
expect "stop (the stone: test/persist/pg_stone.sh)" "$(MAGLEV_DATA=$H1 "$M" stop web)" "stone 'web' stopped"
expect "destroy refuses" "$(MAGLEV_DATA=$H1 "$M" destroy web --force 2>&1 | grep -c 'works on LMDB repositories only')" "1"
expect "create refuses an existing stone" "$(MAGLEV_DATA=$H1 "$M" create web --backend "$MAGLEV_PG_URL/$MAGLEV_PG_DB" 2>&1 | grep -c 'already exists')" "1"
expect "a missing database is a clear error" \
	"$(MAGLEV_DATA=$H1 "$M" create other --backend "$MAGLEV_PG_URL/no_such_db" 2>&1 | grep -c 'database "no_such_db" does not exist')" "1"
MAGLEV_DATA=$H1 MAGLEV_STONE=web "$MRUBY" -e 'Maglev::System.set_pcounter(7, 42)'
expect "backup exports the stone" "$(MAGLEV_DATA=$H1 "$M" backup web "$MAGLEV_DATA/web.mdb" | grep -c "^backed up stone 'web'")" "1"
expect "the export restores into an LMDB stone" "$(MAGLEV_DATA=$MAGLEV_DATA/lmdb "$M" restore copy "$MAGLEV_DATA/web.mdb" | cut -d: -f1)" \
	"restored stone 'copy' from $MAGLEV_DATA/web.mdb"
expect "with the objects and counters" \
	"$(MAGLEV_DATA=$MAGLEV_DATA/lmdb MAGLEV_STONE=copy "$MRUBY" -e 'p [Maglev[:shared], Maglev::System.pcounter(7)]')" '["from host 1", 42]'
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$MAGLEV_PG_URL/postgres" -c "CREATE DATABASE \"${MAGLEV_PG_DB}_2\"" || exit 1
echo "$MAGLEV_PG_URL/${MAGLEV_PG_DB}_2" >"$MAGLEV_DATA/url2"
mkdir -m 700 "$H1/two" && install -m 600 "$MAGLEV_DATA/url2" "$H1/two/repository"
expect "and into an empty database" "$(MAGLEV_DATA=$H1 "$M" restore two "$MAGLEV_DATA/web.mdb" | cut -d: -f1)" \
	"restored stone 'two' from $MAGLEV_DATA/web.mdb"
expect "which then holds them, in its class index too" "$(MAGLEV_DATA=$H1 MAGLEV_STONE=two "$MRUBY" -e '
  require "maglev/repository"; p [Maglev[:shared], Maglev::System.pcounter(7), Gadget.all_instances.size]')" '["from host 1", 42, 2]'
expect "restore refuses a database that holds a repository" \
	"$(MAGLEV_DATA=$H1 "$M" restore web "$MAGLEV_DATA/web.mdb" 2>&1 | grep -c 'restore into an empty database')" "1"
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$MAGLEV_PG_URL/postgres" -c "DROP DATABASE \"${MAGLEV_PG_DB}_2\" WITH (FORCE)" >/dev/null
finish
