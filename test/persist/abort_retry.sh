#!/usr/bin/env bash
# Two live sessions change the same nested objects; one commits, the other's
# commit fails, it aborts (its held references reset in place, down the
# nesting) and retries on the fresh view.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:acct] = { owner: +"ann", log: [[:open, 0]], bal: { cash: 10, card: [1, 2] } }; Maglev.commit' >/dev/null
gem_start a
gem_start b
gem a 'A = Maglev[:acct]; L = A[:log]; C = A[:bal][:card]; A[:bal][:cash]' >/dev/null
gem b 'B = Maglev[:acct]; B[:bal][:cash]' >/dev/null
gem a 'A[:owner] << "!"; L << [:a, 1]; C.push(3); A[:bal][:cash] += 5; A[:new] = Object.new; nil' >/dev/null
gem b 'B[:bal][:cash] += 100; B[:log] << [:b, 2]; B[:bal][:card].clear; nil' >/dev/null
expect "b commits first" "$(gem b 'Maglev.commit_transaction')" 'true'
expect "a's commit conflicts" "$(gem a 'begin; Maglev.commit_transaction; rescue Maglev::CommitFailedException => e; e.class; end')" 'Maglev::CommitFailedException'
expect "a still holds its changes after the failure" "$(gem a '[A[:owner], L.size, C, A.key?(:new)]')" '["ann!", 2, [1, 2, 3], true]'
gem a 'Maglev.abort_transaction' >/dev/null
expect "abort resets held nested references to b's commit" "$(gem a '[A[:owner], L, C, A[:bal][:cash], A.key?(:new), Maglev[:acct].equal?(A)]')" \
  '["ann", [[:open, 0], [:b, 2]], [], 110, false, true]'
expect "the nested objects are still the same objects" "$(gem a '[A[:log].equal?(L), A[:bal][:card].equal?(C)]')" '[true, true]'
gem a 'L << [:a, 3]; C << 9; A[:bal][:cash] -= 1; nil' >/dev/null
expect "a's retry commits" "$(gem a 'Maglev.commit_transaction')" 'true'
expect "b sees a's retry after its own abort" "$(gem b 'Maglev.abort_transaction; [B[:log], B[:bal]]')" \
  '[[[:open, 0], [:b, 2], [:a, 3]], {:cash=>109, :card=>[9]}]'
gem_stop a
gem_stop b
expect "a new process sees the final state" "$(mrb 'p Maglev[:acct]')" \
  '{:owner=>"ann", :log=>[[:open, 0], [:b, 2], [:a, 3]], :bal=>{:cash=>109, :card=>[9]}}'
finish
