#!/usr/bin/env bash
# A corrupt record raises a clear error naming the OOP, never a crash; other
# records stay readable.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:good] = "fine"; Maglev[:bad] = ["MARKER-XYZZY-0123456789"]; Maglev.commit' >/dev/null
# LMDB is copy-on-write: stale copies of the page may exist too; damage()
# damages them all (on PostgreSQL: every version of the record's row)
if [ -z "$(damage MARKER-XYZZY)" ]; then
	expect "marker found in data.mdb" "no" "yes"
	finish
	exit
fi
out=$("$MRUBY" -e '
  p Maglev[:good]
  begin
    Maglev[:bad].first.size   # the string record is the damaged one
  rescue => e
    puts e.class
    puts e.message.include?("OOP") && e.message.include?("checksum")
  end' 2>&1)
expect "corrupt record reported, others readable" "$out" $'"fine"\nRuntimeError\ntrue'
if ! on_pg; then
	# a data file cut short, or emptied, is refused with a message (reading
	# past its end was a bus error; an empty one became a new repository)
	dir="$MAGLEV_DATA/$MAGLEV_STONE"
	cp -r "$dir" "$MAGLEV_DATA/cut"
	truncate -s 8192 "$MAGLEV_DATA/cut/data.mdb"
	out=$(MAGLEV_STONE=cut "$MRUBY" -e 'p Maglev[:good]' 2>&1; echo "exit $?")
	expect "a truncated data file: an error naming it, no crash" "$(grep -c 'data.mdb is truncated: 8192 bytes' <<<"$out") ${out##*exit }" "1 1"
	expect "maglev check says so too" "$(MAGLEV_STONE=cut "$ROOT/bin/maglev" check cut 2>&1 | grep -c 'is truncated')" "1"
	cp -r "$dir" "$MAGLEV_DATA/empty"
	: >"$MAGLEV_DATA/empty/data.mdb"
	out=$(MAGLEV_STONE=empty "$MRUBY" -e 'p Maglev[:good]' 2>&1; echo "exit $?")
	expect "an emptied data file: an error, not a new empty repository" "$(grep -c 'data.mdb is empty' <<<"$out") ${out##*exit }" "1 1"
fi
finish
