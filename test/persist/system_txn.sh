#!/usr/bin/env bash
# Maglev::System transaction control: commit answering false, begin,
# needs_commit (captured variables too), transaction_level, and nested transactions (a nested commit
# folds into its parent, a nested abort rolls back in place, only the
# outermost commit reaches the repository).
. "$(dirname "$0")/lib.sh"
S='Maglev::System'
mrb 'Maglev.persistent { class Pt; attr_accessor :x, :y; end }
     R = Maglev::PERSISTENT_ROOT
     R[:n] = 0; R[:s] = +"a"; R[:a] = [1]; R[:h] = { k: 1 }; R[:p] = Pt.new; R[:p].x = 1
     R[:t] = +"t"; R[:t].instance_variable_set(:@tag, 1)
     Maglev.commit' >/dev/null

gem_start a
expect "level 1, nothing to commit" "$(gem a "[$S.transaction_level, Maglev.transaction_level, $S.needs_commit]")" "[1, 1, false]"
expect "a change needs a commit" "$(gem a "Maglev[:n] = 1; $S.needs_commit")" "true"
mrb 'Maglev[:n] = 2; Maglev.commit' >/dev/null
expect "System.commit_transaction answers false on a conflict, keeping the changes" \
	"$(gem a "[$S.commit_transaction, Maglev[:n], $S.needs_commit]")" "[false, 1, true]"
expect "where Maglev.commit_transaction raises" \
	"$(gem a 'begin; Maglev.commit_transaction; rescue Maglev::CommitFailedException; :raised; end')" ":raised"
expect "begin_transaction aborts, then begins" "$(gem a "$S.begin_transaction; [Maglev[:n], $S.needs_commit, $S.transaction_level]")" "[2, false, 1]"
expect "System.commit_transaction answers true" "$(gem a "Maglev[:n] = 3; [$S.commit_transaction, $S.needs_commit]")" "[true, false]"
expect "Maglev.abort_transaction answers Maglev::System" "$(gem a 'Maglev.abort_transaction')" "Maglev::System"
expect "Maglev.begin_transaction too" "$(gem a "Maglev[:n] = 4; Maglev.begin_transaction; Maglev[:n]")" "3"

# nested levels
gem a 'R = Maglev::PERSISTENT_ROOT; S, A, H, P, T = R[:s], R[:a], R[:h], R[:p], R[:t]; S << "b"' >/dev/null
expect "begin_nested_transaction opens level 2" "$(gem a "Maglev.begin_nested_transaction; $S.transaction_level")" "2"
gem a 'S << "c"; A << 2; H[:z] = 2; P.x = 9; P.y = 8; T << "!"; T.instance_variable_set(:@tag, 2); R[:new] = [A]' >/dev/null
expect "changes inside the level" "$(gem a '[S, A, H, P.x, P.y, T, T.instance_variable_get(:@tag), R[:new]]')" \
	'["abc", [1, 2], {:k=>1, :z=>2}, 9, 8, "t!", 2, [[1, 2]]]'
expect "abort at level 2 rolls back to the level's start, in place" \
	"$(gem a 'Maglev.abort_transaction; [Maglev.transaction_level, S, A, H, P.x, P.y, T, T.instance_variable_get(:@tag), R[:new]]')" \
	'[1, "ab", [1], {:k=>1}, 1, nil, "t", 1, nil]'
expect "an object dirty before the level keeps its earlier change" "$(gem a "[R[:s].equal?(S), $S.needs_commit]")" "[true, true]"
gem a 'S.replace("a"); Maglev.abort_transaction' >/dev/null
expect "a rolled-back level leaves nothing to commit" \
	"$(gem a "Maglev.begin_nested_transaction; A << 5; Maglev.abort_transaction; $S.needs_commit")" "false"

gem a 'Maglev.begin_nested_transaction; A << 2; Maglev.begin_nested_transaction; H[:l3] = 3; R[:obj] = Pt.new' >/dev/null
expect "level 3" "$(gem a 'Maglev.transaction_level')" "3"
expect "commit at level 3 folds into level 2" "$(gem a "[$S.commit_transaction, Maglev.transaction_level, H[:l3]]")" "[true, 2, 3]"
expect "nothing reached the repository" "$(mrb 'p [Maglev[:a], Maglev[:h], Maglev[:obj]]')" "[[1], {:k=>1}, nil]"
expect "abort at level 2 undoes the folded level too" "$(gem a 'Maglev.abort_transaction; [Maglev.transaction_level, A, H, R[:obj]]')" "[1, [1], {:k=>1}, nil]"

gem a 'Maglev.begin_nested_transaction; A << 3; Maglev.begin_nested_transaction; H[:m] = 1; R[:obj] = Pt.new; R[:obj].x = :deep; Maglev.commit_transaction' >/dev/null
expect "commit at level 2 still reaches nothing" "$(gem a 'Maglev.commit_transaction; Maglev.transaction_level')$(mrb 'p Maglev[:a]')" "1[1]"
expect "the outermost commit does" "$(gem a 'Maglev.commit_transaction')$(mrb 'p [Maglev[:a], Maglev[:h], Maglev[:obj].x]')" \
	"true[[1, 3], {:k=>1, :m=>1}, :deep]"

expect "a nested abort undoes freeze and compare_by_identity" \
	"$(gem a 'Maglev.begin_nested_transaction; S.freeze; H.compare_by_identity; Maglev.abort_transaction; [S.frozen?, H.compare_by_identity?, Maglev::System.needs_commit]')" \
	"[false, false, false]"
gem a 'Maglev.begin_nested_transaction; Maglev.persistent { class Gone; def m; :gone; end; end }; Maglev.abort_transaction' >/dev/null
gem a 'Maglev.begin_nested_transaction; Maglev.persistent { class Kept; def m; :kept; end; end }; Maglev.commit_transaction' >/dev/null
gem a 'Maglev.commit_transaction' >/dev/null
expect "a class staged in an aborted level goes back to transient; one in a committed level persists" \
	"$(mrb 'p [defined?(Gone), Kept.new.m]')" '[nil, :kept]'

expect "at most 16 levels" \
	"$(gem a 'n = 0; begin; loop { Maglev.begin_nested_transaction; n += 1 }; rescue RuntimeError; end; [n, Maglev.transaction_level]')" "[15, 16]"
expect "begin_transaction leaves every level" "$(gem a 'A << 9; Maglev.begin_transaction; [Maglev.transaction_level, A]')" "[1, [1, 3]]"
gem_stop a
# a captured variable of a persistent Proc changes with no write barrier:
# still a change to commit (GStore aborts first when there is none, which
# reset it)
mrb 'def pair(v) = [-> { v }, ->(n) { v = n }]; Maglev[:pair] = pair(1); Maglev.commit' >/dev/null
expect "a captured variable changed needs a commit; set back, it does not" \
	"$(mrb "g, s = Maglev[:pair]; a = $S.needs_commit; s.(5); b = $S.needs_commit; s.(1); p [a, b, $S.needs_commit]")" "[false, true, false]"
expect "and a GStore transaction keeps the change" \
	"$(mrb 'require "maglev/gstore"; g, s = Maglev[:pair]; s.(7); GStore.new("x").transaction { |t| t[:k] = 1 }; p g.()')" "7"
expect "which its commit wrote" "$(mrb 'p Maglev[:pair][0].()')" "7"
finish
