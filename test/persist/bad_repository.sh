#!/usr/bin/env bash
# A repository this build cannot open (another format) breaks only what uses
# it: plain programs, requires and constant misses still work, uncaught
# errors are reported without the repository's error as their cause, and a
# persistence call raises a clear error naming the reason.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:x] = 1; Maglev.commit' >/dev/null
if on_pg; then
	pg_sql "UPDATE mg_meta SET value = 99 WHERE key = 'format'"     # another format
elif chmod 000 "$MAGLEV_DATA/$MAGLEV_STONE/data.mdb"; [ -r "$MAGLEV_DATA/$MAGLEV_STONE/data.mdb" ]; then
	echo "# note: running as a user who reads unreadable files (root); corrupting the header instead"
	chmod 600 "$MAGLEV_DATA/$MAGLEV_STONE/data.mdb"
	printf 'garbage!garbage!' | dd of="$MAGLEV_DATA/$MAGLEV_STONE/data.mdb" bs=1 seek=0 conv=notrunc 2>/dev/null
fi
expect "a plain program runs" "$(mrb 'require "set"; p Set[1].size, defined?(NoSuch)' 2>&1)" $'1\nnil'
expect "object ids and identity hashes work" "$(mrb 'a, b = Object.new, Object.new; p a.object_id != b.object_id, { a => 1 }.invert[1].equal?(a), {}.compare_by_identity.tap { |h| h[a] = 2 }[a]' 2>&1)" $'true\ntrue\n2'
expect "an uncaught error is reported alone" "$("$MRUBY" -e 'raise "x"' 2>&1)" "-e:1:in \`<main>': x (RuntimeError)"
out=$(mrb 'begin; Maglev[:x]; rescue RuntimeError => e; puts e.message.include?("could not be opened") || e.message.include?("repository"); end' 2>&1)
expect "a persistence call raises a clear error" "$out" "true"
finish
