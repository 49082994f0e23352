#!/usr/bin/env bash
# Concurrent transfers keep the total balance constant, even while another
# process doing transfers is killed with SIGKILL again and again.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:acct] = Array.new(10, 100); Maglev.commit' >/dev/null
transfer='
  srand(ARGV[0].to_i)
  n = ARGV[1].to_i
  i = 0
  while n == 0 || i < n
    begin
      a = Maglev[:acct]
      from = rand(10); to = rand(10); amt = rand(20)
      a[from] -= amt
      a[to] += amt
      Maglev.commit_transaction
      i += 1
    rescue Maglev::CommitFailedException
      Maglev.abort_transaction
      retry
    end
  end'
"$MRUBY" -e "$transfer" 1 150 &
p1=$!
"$MRUBY" -e "$transfer" 2 150 &
p2=$!
kills=0
while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null; do
	"$MRUBY" -e "$transfer" $((kills + 3)) 0 &
	victim=$!
	sleep 0.$((RANDOM % 3 + 1))
	kill -9 $victim 2>/dev/null
	wait $victim 2>/dev/null
	kills=$((kills + 1))
	[ $kills -ge 15 ] && break
done
wait $p1; r1=$?
wait $p2; r2=$?
expect "transferring processes finished" "$r1 $r2" "0 0"
expect "total balance is constant after $kills kills" "$(mrb 'p Maglev[:acct].sum')" "1000"
finish
