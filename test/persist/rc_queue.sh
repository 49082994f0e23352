#!/usr/bin/env bash
# RCQueue: three producers and one consumer, each operation its own commit,
# never conflict; two consumers that take the same element do. RCCounter's
# guarded decrement conflicts when the guard no longer holds.
. "$(dirname "$0")/lib.sh"
N=${RC_ROUNDS:-300}
D=$MAGLEV_DATA
mrb 'require "maglev/rcqueue"; Maglev[:q] = RCQueue.new; Maglev.commit' >/dev/null
for i in 1 2 3; do
	"$MRUBY" -e "
	  require 'maglev/rcqueue'
	  failed = 0
	  q = Maglev[:q]
	  $N.times do |k|
	    q.push(\"p$i-#{k}\")
	    begin Maglev.commit_transaction; rescue Maglev::CommitFailedException; failed += 1; Maglev.abort_transaction; end
	  end
	  File.write('$D/p$i', failed.to_s)" &
done
"$MRUBY" -e "
  q = Maglev[:q]
  got = []
  failed = 0
  while got.size < 3 * $N
    if q.empty?
      Maglev.abort_transaction      # wait for the producers' next commit
      next
    end
    x = q.remove
    begin
      Maglev.commit_transaction
      got << x
    rescue Maglev::CommitFailedException
      failed += 1
      Maglev.abort_transaction
    end
  end
  ok = (1..3).all? { |w| got.select { |s| s.start_with?(\"p#{w}-\") } == (0...$N).map { |k| \"p#{w}-#{k}\" } }
  File.write('$D/c', \"#{failed} #{got.size} #{ok}\")" &
wait
expect "no producer's commit failed" "$(cat "$D"/p1 "$D"/p2 "$D"/p3)" "000"
expect "the consumer got all, in each producer's order, with no failed commit" "$(cat "$D"/c)" "0 $((3 * N)) true"
expect "the queue is empty" "$(mrb 'p [Maglev[:q].size, Maglev[:q].empty?, Maglev[:q].first]')" "[0, true, nil]"

overlap() { # A-code B-code [A-code after a conflict]: prints what A's commit did
	rm -f "$D/ready" "$D/done"
	"$MRUBY" -e "
	  $1
	  File.write('$D/ready', '')
	  sleep 0.01 until File.exist?('$D/done')
	  begin
	    Maglev.commit_transaction
	    puts 'committed'
	  rescue Maglev::CommitFailedException => e
	    puts 'conflict'
	    ${3:-}
	  end" &
	"$MRUBY" -e "
	  sleep 0.01 until File.exist?('$D/ready')
	  Maglev.abort_transaction
	  $2
	  Maglev.commit_transaction
	  File.write('$D/done', '')"
	wait
}
mrb 'q = Maglev[:q]; q << :a << :b << :c; Maglev.commit' >/dev/null
expect "a consumer and a producer overlap: both commit" "$(overlap 'p Maglev[:q].remove' 'Maglev[:q] << :d')" ":a
committed"
# the loser keeps its changes (its removal and its add) until it aborts
expect "two consumers taking the same head conflict" "$(overlap 'p Maglev[:q].remove; Maglev[:q] << :x' 'Maglev[:q].remove' '
	    p [Maglev[:q].to_a, Maglev::System.needs_commit]
	    Maglev.abort_transaction
	    p [Maglev[:q].to_a, Maglev::System.needs_commit]')" ":b
conflict
[[:c, :d, :x], true]
[[:c, :d], false]"
expect "first peeks; clear answers the removed elements" "$(mrb 'q = Maglev[:q]; p q.first, q.to_a, q.clear, q.size; Maglev.commit')" ":c
[:c, :d]
[:c, :d]
0"
expect "the cleared queue is empty in a new process" "$(mrb 'p Maglev[:q].empty?')" true

mrb 'Maglev[:c1] = RCCounter.new; Maglev[:c2] = RCCounter.new; Maglev[:q2] = RCQueue.new; Maglev.commit' >/dev/null
expect "transactions that both change several RC objects both commit" \
	"$(overlap 'Maglev[:c1].increment; Maglev[:q2] << :a; Maglev[:c2].increment_by(10)' 'Maglev[:c2].increment_by(5); Maglev[:c1].decrement; Maglev[:q2] << :b')" committed
expect "with every operation applied" "$(mrb 'p [Maglev[:c1].value, Maglev[:c2].value, Maglev[:q2].to_a]')" "[0, 15, [:b, :a]]"
mrb 'Maglev[:c] = RCCounter.new(1); Maglev[:plain] = 0; Maglev.commit' >/dev/null
expect "a conflict on an ordinary object still fails the commit" \
	"$(overlap 'Maglev[:c].increment; Maglev[:plain] = 1' 'Maglev[:c].increment; Maglev[:plain] = 2')" conflict
expect "and leaves the other commit's changes" "$(mrb 'p [Maglev[:c].value, Maglev[:plain]]')" "[2, 2]"
mrb 'Maglev[:c].decrement; Maglev.commit' >/dev/null
expect "guarded decrements that both still hold commit" "$(overlap 'Maglev[:c].increment_by(5); Maglev[:c].decrement_by(1, 0) { p :refused }' 'Maglev[:c].decrement_by(1, 0) { p :refused }')" committed
expect "the counter saw both" "$(mrb 'p Maglev[:c].value')" 4
mrb 'Maglev[:c].decrement_by(3); Maglev.commit' >/dev/null
expect "a guarded decrement whose guard another commit broke conflicts" "$(overlap 'Maglev[:c].decrement_if_negative { p :refused }' 'Maglev[:c].decrement')" conflict
expect "decrement_if_negative refuses below zero" "$(mrb 'c = Maglev[:c]; p c.value, c.decrement_if_negative { :refused }, c.value')" "0
:refused
0"
# MagLev's rccounter.rb guards only when a block is given: decrement_by(n,
# guard) alone is a plain decrement (it was refused, answering nil)
expect "a count that is no Integer: CRuby's TypeError, nil and true named as CRuby names them" \
  "$(mrb 'c = RCCounter.new; p [nil, true, "1", 1.5].map { |v| begin; c.increment_by(v); rescue TypeError => e; e.message; end }, c.value')" \
  '["no implicit conversion of nil into Integer", "no implicit conversion of true into Integer", "no implicit conversion of String into Integer", "no implicit conversion of Float into Integer"]
0'
expect "a guard without a block is a plain decrement, in this process and the next" \
  "$(mrb 'c = Maglev[:c]; p c.decrement_by(2, 0).equal?(c), c.value; Maglev.commit')$(mrb 'p Maglev[:c].value')" "true
-2-2"
finish
