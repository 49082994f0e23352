#!/usr/bin/env bash
# Maglev::System persistent counters: exact under concurrency, outside
# transactions (seen at once, untouched by abort), durable, indexes 1..128.
. "$(dirname "$0")/lib.sh"
S='Maglev::System'
# Every update is a synced write (an fsync or two): 4 x 1000 takes seconds on an
# idle disk but passes the runner's 10 s limit on a busy one, so the default
# is 4 x 250; PCOUNTER_ROUNDS=1000 runs the full count.
N=${PCOUNTER_ROUNDS:-250}
for i in 1 2 3 4; do
	"$MRUBY" -e "$N.times { puts $S.increment_pcounter(7) }" >"$MAGLEV_DATA/inc.$i" &
done
wait
expect "4 x $N concurrent increments" "$(mrb "p $S.pcounter(7)")" "$((4 * N))"
expect "each increment answered a distinct new value" \
	"$(cat "$MAGLEV_DATA"/inc.* | sort -n | uniq | wc -l | tr -d ' ') $(cat "$MAGLEV_DATA"/inc.* | sort -n | tail -1)" "$((4 * N)) $((4 * N))"

expect "a counter starts at 0" "$(mrb "p $S.pcounter(128)")" "0"
expect "set, increment, decrement answer the new value" \
	"$(mrb "p [$S.set_pcounter(1, 10), $S.increment_pcounter(1), $S.increment_pcounter(1, 5), $S.decrement_pcounter(1), $S.decrement_pcounter(1, 20), $S.pcounter(1)]")" \
	"[10, 11, 16, 15, -5, -5]"
expect "signed 64-bit" "$(mrb "p [$S.set_pcounter(2, -2**63), $S.set_pcounter(2, 2**63 - 1), $S.increment_pcounter(2)]")" \
	"[-9223372036854775808, 9223372036854775807, -9223372036854775808]"
expect "indexes outside 1..128" \
	"$(mrb "p [0, 129, -1].map { |i| begin; $S.pcounter(i); rescue ArgumentError; :no; end }")" "[:no, :no, :no]"
expect "values outside 64 bits" "$(mrb "begin; $S.set_pcounter(3, 2**64); rescue RangeError; p :no; end")" ":no"
expect "abort does not undo a counter" "$(mrb "$S.set_pcounter(4, 1); Maglev.abort_transaction; p $S.pcounter(4)")" "1"

# visible at once: a session whose view predates the update reads the new value
gem_start a
gem a "$S.pcounter(5); Maglev[:v]" >/dev/null
mrb "$S.set_pcounter(5, 99); Maglev[:v] = 1; Maglev.commit" >/dev/null
expect "an update is seen at once, without a transaction boundary" "$(gem a "[$S.pcounter(5), Maglev[:v]]")" "[99, nil]"
gem_stop a
# durable: the process is killed right after its update returns
"$MRUBY" -e "$S.increment_pcounter(6, 3); Process.kill(:KILL, Process.pid)"
expect "an update survives its process's kill -9" "$(mrb "p $S.pcounter(6)")" "3"
finish
