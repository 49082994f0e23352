#!/usr/bin/env bash
# PostgreSQL backend: the server restarts in the middle of a run of commits.
# The gem's calls during the outage raise a clear error (a StandardError),
# the transaction retried after an abort goes through once the server is
# back, and every commit reported done is there afterwards, once, in order. A
# second gem with a data folder of its own (another "host") sees them all.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: restarts a PostgreSQL server"; exit 77; }
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgrestart.XXXXXX")   # its own server: the pass's one is shared
URL=$("$ROOT/test/pg/server.sh" start "$SRV") || exit 1
trap 'rm -rf "$MAGLEV_DATA"; "$ROOT/test/pg/server.sh" stop "$SRV"' EXIT
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/postgres" -c "CREATE DATABASE r" || exit 1
export MAGLEV_REPOSITORY="$URL/r"
half="$MAGLEV_DATA/half"; back="$MAGLEV_DATA/back"
mkfifo "$half" "$back"
"$MRUBY" -e '
  done_log = File.open(ARGV[0], "w"); done_log.sync = true
  Maglev[:r] = []; Maglev.commit
  i, errors, clear = 0, 0, true
  while i < 100
    File.write(ARGV[1], "half\n") if i == 50 && errors == 0      # the shell restarts the server now
    File.read(ARGV[2]) if i == 50 && errors == 0                # and says when it has
    begin
      Maglev[:r] << i
      Maglev.commit
      done_log.puts i
      i += 1
    rescue StandardError => e
      errors += 1
      clear &&= e.message.include?("PostgreSQL")
      Maglev.abort_transaction rescue nil
    end
  end
  puts "errors seen: #{errors > 0}, clear: #{clear}"' "$MAGLEV_DATA/done" "$half" "$back" >"$MAGLEV_DATA/out" 2>&1 &
wpid=$!
read -r _ <"$half"
"$ROOT/test/pg/server.sh" restart "$SRV"
echo back >"$back"
wait "$wpid"
expect "the writer ran through the restart" "$(cat "$MAGLEV_DATA/out")" "errors seen: true, clear: true"
expect "every commit reported done is there once, in order (pg_backend.c P10: none was made twice)" \
	"$(MAGLEV_DATA="$MAGLEV_DATA/host2" mrb 'p Maglev[:r] == (0...100).to_a')" "true"
expect "the writer reported them all" "$(wc -l <"$MAGLEV_DATA/done")" "100"
finish
