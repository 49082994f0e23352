#!/usr/bin/env bash
# Batched commits (docs/format.md, "Commits"): processes committing at once
# share LMDB transactions. Every commit reported done is there exactly once,
# conflicts within a batch are found as between separate commits, and a
# leader killed while it holds the others' commits -- claimed, written but
# not committed, or committed but not yet reported -- loses nothing and
# applies nothing twice.
. "$(dirname "$0")/lib.sh"
pg_skip "the commit queue is the LMDB backend's (PostgreSQL commits concurrently itself)"

# four workers: each commits its own counter N times, and one shared counter
# with retries; prints how many of its own commits returned
worker='
  i = ARGV[0].to_i; n = ARGV[1].to_i; done = 0
  n.times do
    Maglev[:own][i][0] += 1
    Maglev.commit_transaction
    done += 1
    begin
      Maglev[:shared][0] += 1
      Maglev.commit_transaction
    rescue Maglev::CommitFailedException
      Maglev.abort_transaction
      retry
    end
  end
  puts done'
mrb 'Maglev[:own] = Array.new(5) { [0] }; Maglev[:shared] = [0]; Maglev.commit' >/dev/null
for i in 0 1 2 3; do "$MRUBY" -e "$worker" "$i" 300 >"$MAGLEV_DATA/done$i" & done
wait
expect "4 x 300 own commits and 4 x 300 retried increments of one counter" \
  "$(mrb 'p Maglev[:own].map(&:first), Maglev[:shared][0]')" $'[300, 300, 300, 300, 0]\n1200'
expect "the commits were batched" "$(mrb 'p File.exist?(File.join(ENV["MAGLEV_DATA"], ENV["MAGLEV_STONE"], "commitq"))')" true

# more committers at once than the queue has slots: the others commit alone
fresh_repository cq_many
mrb 'Maglev[:many] = Array.new(40) { [0] }; Maglev.commit' >/dev/null
for i in $(seq 0 39); do "$MRUBY" -e 'i = ARGV[0].to_i; 10.times { Maglev[:many][i][0] += 1; Maglev.commit_transaction }' "$i" & done
wait
expect "40 processes x 10 commits, the queue has 32 slots" "$(mrb 'p Maglev[:many].map(&:first).uniq, Maglev[:many].sum(&:first)')" $'[10]\n400'

# a leader that dies: the workers go on; what they were told is there, once
for point in claimed pending committed; do
	fresh_repository "cq_$point"
	mrb 'Maglev[:own] = Array.new(5) { [0] }; Maglev[:shared] = [0]; Maglev.commit' >/dev/null
	for i in 0 1 2 3; do "$MRUBY" -e "$worker" "$i" 200 >"$MAGLEV_DATA/done$i" & done
	# the doomed one commits its own counter until it leads a batch of two or more
	MAGLEV_TEST_CQ_KILL=$point "$MRUBY" -e '
	  5000.times { Maglev[:own][4][0] += 1; Maglev.commit_transaction; STDOUT.puts Maglev[:own][4][0]; STDOUT.flush }' \
	  >"$MAGLEV_DATA/doomed" 2>/dev/null
	status=$?
	wait
	last=$(tail -n 1 "$MAGLEV_DATA/doomed")
	last=${last:-0}
	expect "$point: the leader was killed there" "$status" 137
	want=$last
	[ "$point" = committed ] && want=$((last + 1))   # its last commit was in the batch it committed
	expect "$point: every worker's commits are there once; the leader's as far as its batch committed" \
	  "$(mrb 'p Maglev[:own].map(&:first), Maglev[:shared][0]')" \
	  "[$(cat "$MAGLEV_DATA"/done0), $(cat "$MAGLEV_DATA"/done1), $(cat "$MAGLEV_DATA"/done2), $(cat "$MAGLEV_DATA"/done3), $want]
800"
done
finish
