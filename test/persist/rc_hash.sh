#!/usr/bin/env bash
# RCHash: writers of different keys never conflict; writers of the same key
# do (a store or delete of a key another commit changed meanwhile fails).
. "$(dirname "$0")/lib.sh"
N=${RC_ROUNDS:-200}
D=$MAGLEV_DATA
mrb 'require "maglev/rchash"; Maglev[:h] = RCHash.new; Maglev.commit' >/dev/null
for i in 1 2 3 4; do
	"$MRUBY" -e "
	  require 'maglev/rchash'
	  failed = 0
	  h = Maglev[:h]
	  $N.times do |k|
	    h[\"w$i-#{k}\"] = k
	    begin Maglev.commit_transaction; rescue Maglev::CommitFailedException; failed += 1; Maglev.abort_transaction; end
	  end
	  File.write('$D/w$i', failed.to_s)" &
done
wait
expect "no failed commit among 4 writers of different keys" "$(cat "$D"/w1 "$D"/w2 "$D"/w3 "$D"/w4)" "0000"
expect "4 x $N keys, each with its value" "$(mrb '
  h = Maglev[:h]
  p [h.size, h.keys.class, (1..4).all? { |w| (0...'$N').all? { |k| h["w#{w}-#{k}"] == k } }]')" "[$((4 * N)), Array, true]"

# two writers whose transactions overlap: A changes its keys and waits for B's commit
overlap() { # A-code B-code [A-code after a conflict]: prints what A's commit did
	rm -f "$D/ready" "$D/done"
	"$MRUBY" -e "
	  h = Maglev[:h]
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
	  h = Maglev[:h]
	  $2
	  Maglev.commit_transaction
	  File.write('$D/done', '')"
	wait
}
mrb 'h = Maglev[:h]; h.clear; h[:a] = 1; h[:b] = 1; h[:gone] = 1; Maglev.commit' >/dev/null
expect "overlapping writers of different keys both commit" "$(overlap 'h[:a] = 2; h[:new_a] = 0' 'h[:b] = 3; h[:new_b] = 0')" committed
expect "both writes are there" "$(mrb 'h = Maglev[:h]; p [h[:a], h[:b], h[:new_a], h[:new_b], h.size]')" "[2, 3, 0, 0, 5]"
expect "a delete and a store of different keys both commit" "$(overlap 'h.delete(:gone)' 'h[:b] = 4')" committed
expect "so the key is gone and the other changed" "$(mrb 'h = Maglev[:h]; p [h[:gone], h.key?(:gone), h[:b]]')" "[nil, false, 4]"
expect "same-key writers conflict" "$(overlap 'h[:a] = 10' 'h[:a] = 20')" conflict
expect "the first commit's value stays" "$(mrb 'p Maglev[:h][:a]')" 20
expect "a delete of a key another commit changed conflicts" "$(overlap 'h.delete(:b)' 'h[:b] = 5')" conflict
expect "two adds of one new key conflict" "$(overlap 'h[:c] = 1' 'h[:c] = 2')" conflict
expect "a second process finds RCHash's read API" "$(mrb '
  h = Maglev[:h]
  p [h[:missing], h.fetch(:a), h.include?(:b), h.values.sort, h.map { |k, v| k }.size, h.count, h.empty?, h.class]')" \
	"[nil, 20, true, [0, 0, 2, 5, 20], 5, 5, false, RCHash]"
expect "and Hash's Hash-answering methods" "$(mrb '
  h = Maglev[:h]
  p h.select { |k, v| v == 20 }, h.reject { |k, v| v != 5 }, h.to_h { |k, v| [v, k] }[5], h.any? { |k, v| v == 2 }, h.is_a?(Enumerable), h.sort_by { |k, v| -v }.first')" \
	'{:a=>20}
{:b=>5}
:b
true
true
[:a, 20]'
mrb 'Maglev[:h][:z] = 1; Maglev.commit' >/dev/null
# a failed replay keeps the loser's changes (MAGLEV-API.md section 2), the
# replayed key's and the others', until it aborts; a retry fails again
expect "the loser of a failed replay keeps its changes until it aborts" "$(overlap 'h[:z] = 30; h[:mine] = 1' 'h[:z] = 20' '
	    p [h[:z], h[:mine], h.size, Maglev::System.needs_commit]
	    p((Maglev.commit_transaction rescue $!.class))
	    p [h[:z], h[:mine], Maglev::System.needs_commit]
	    Maglev.abort_transaction
	    p [h[:z], h[:mine], h.size, Maglev::System.needs_commit]')" $'conflict\n[30, 1, 7, true]\nMaglev::CommitFailedException\n[30, 1, true]\n[20, nil, 6, false]'
finish
