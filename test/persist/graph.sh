#!/usr/bin/env bash
# Object graphs keep sharing and cycles; deep chains commit without recursion.
. "$(dirname "$0")/lib.sh"
mrb '
  shared = "shared"
  a = [shared, shared]
  a << a
  h = {"key" => shared}
  h[:self] = h
  Maglev[:a] = a; Maglev[:h] = h
  Maglev.commit' >/dev/null
expect "sharing and cycles" "$(mrb 'a = Maglev[:a]; h = Maglev[:h]; p a[0].equal?(a[1]), a[2].equal?(a), h["key"].equal?(a[0]), h[:self].equal?(h)')" $'true\ntrue\ntrue\ntrue'
mrb 'head = nil; 200_000.times { |i| head = [i, head] }; Maglev[:chain] = head; Maglev.commit' >/dev/null
expect "200,000-deep chain" "$(mrb 'n = 0; c = Maglev[:chain]; while c; n += 1; c = c[1]; end; p n')" "200000"
expect "String-keyed hash in a later process" "$(mrb 'p Maglev[:h]["key"]')" '"shared"'
id1=$(mrb 'o = Object.new; id = o.object_id; Maglev[:o] = o; Maglev.commit; p id')
id2=$(mrb 'p Maglev[:o].object_id')
expect "object_id given before the first commit stays" "$id2" "$id1"
finish
