#!/usr/bin/env bash
# Four processes increment one RCCounter and push to one RCQueue, each
# operation its own commit: no commit fails, no update is lost, and each
# producer's elements stay in its order.
. "$(dirname "$0")/lib.sh"
N=${RC_ROUNDS:-500}
mrb 'require "maglev/rccounter"; require "maglev/rcqueue"
     Maglev[:counter] = RCCounter.new; Maglev[:queue] = RCQueue.new; Maglev.commit' >/dev/null
for i in 1 2 3 4; do
	"$MRUBY" -e "
	  require 'maglev/rccounter'
	  require 'maglev/rcqueue'
	  failed = 0
	  c = Maglev[:counter]
	  q = Maglev[:queue]
	  $N.times do |k|
	    c.increment
	    begin Maglev.commit_transaction; rescue Maglev::CommitFailedException; failed += 1; Maglev.abort_transaction; end
	    q << [$i, k]
	    begin Maglev.commit_transaction; rescue Maglev::CommitFailedException; failed += 1; Maglev.abort_transaction; end
	  end
	  File.write('$MAGLEV_DATA/w$i', \"#{failed} #{Maglev.__rc_replays}\")" &
done
wait
failed=0
replays=0
for i in 1 2 3 4; do
	read f r <"$MAGLEV_DATA/w$i"
	failed=$((failed + f))
	replays=$((replays + r))
done
echo "# $replays conflicts resolved by replay"
expect "no failed commit" "$failed" 0
expect "4 x $N RCCounter increments" "$(mrb 'p Maglev[:counter].value')" "$((4 * N))"
expect "4 x $N RCQueue pushes" "$(mrb 'p Maglev[:queue].size')" "$((4 * N))"
expect "each producer's elements in its order" "$(mrb '
  q = Maglev[:queue].to_a
  p (1..4).all? { |w| q.select { |e| e[0] == w }.map { |e| e[1] } == (0...'$N').to_a }')" true
expect "a second process finds the same classes; requiring the libraries is harmless" "$(mrb '
  c, q = Maglev[:counter], Maglev[:queue]
  p [c.class.equal?(RCCounter), q.class.equal?(RCQueue), c.committed?]
  p %w[rccounter rchash rcqueue rccounter].map { |l| require "maglev/#{l}" }, RCHash.new.size')" "[true, true, true]
[true, true, true, false]
0"
finish
