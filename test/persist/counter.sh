#!/usr/bin/env bash
# Four processes each increment one counter with retries: no update is lost.
. "$(dirname "$0")/lib.sh"
N=${COUNTER_ROUNDS:-250}
mrb 'Maglev[:count] = 0; Maglev.commit' >/dev/null
for i in 1 2 3 4; do
	"$MRUBY" -e "
	  $N.times do
	    begin
	      Maglev[:count] = Maglev[:count] + 1
	      Maglev.commit_transaction
	    rescue Maglev::CommitFailedException
	      Maglev.abort_transaction
	      retry
	    end
	  end" &
done
wait
expect "4 x $N retried increments" "$(mrb 'p Maglev[:count]')" "$((4 * N))"
finish
