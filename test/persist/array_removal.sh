#!/usr/bin/env bash
# Removing elements from a persistent Array (shift, pop, delete_at, clear ...)
# marks it dirty like any store: a second process sees the removal.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:a] = [1, 2, 3, 4, 5, 6, 7]; Maglev.commit' >/dev/null
mrb 'a = Maglev[:a]; a.shift; a.pop; Maglev.commit' >/dev/null
expect "shift and pop persist" "$(mrb 'p Maglev[:a]')" "[2, 3, 4, 5, 6]"
mrb 'a = Maglev[:a]; a.delete_at(1); a.delete(5); a.compact!; Maglev.commit' >/dev/null
expect "delete_at and delete persist" "$(mrb 'p Maglev[:a]')" "[2, 4, 6]"
mrb 'Maglev[:a].clear; Maglev.commit' >/dev/null
expect "clear persists" "$(mrb 'p Maglev[:a]')" "[]"
finish
