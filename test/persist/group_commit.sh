#!/usr/bin/env bash
# Four processes commit their own objects at the same moment (group commit:
# one sync covers the commits waiting for it); every commit is there after,
# in order, and the repository's files (sync.lock included) are owner-only.
. "$(dirname "$0")/lib.sh"
N=${GROUP_ROUNDS:-200}
mrb 'Maglev[:slots] = Array.new(4) { [nil] }; Maglev.commit' >/dev/null
for k in 0 1 2 3; do
	"$MRUBY" -e "
	  slot = Maglev[:slots][$k]
	  $N.times do |i|
	    slot[0] = [slot[0], i]
	    Maglev.commit_transaction
	  end" &
done
wait
expect "every commit of every process is there, in order" "$(mrb '
  p(Maglev[:slots].map do |s|
    n = s[0]; got = []
    while n; got << n[1]; n = n[0]; end
    got.reverse == (0...'$N').to_a
  end)')" "[true, true, true, true]"
# the files of an LMDB repository (PostgreSQL keeps its own, in its data folder)
on_pg && finish && exit
expect "repository files are owner-only" \
	"$(stat -c '%a' "$MAGLEV_DATA/$MAGLEV_STONE"/* | sort -u)" "600"
expect "the sync lock exists" "$(ls "$MAGLEV_DATA/$MAGLEV_STONE" | grep -c '^sync.lock$')" "1"
finish
