#!/usr/bin/env bash
# abort_transaction resets changed persistent objects in place; transient state stays.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:a] = [1, 2]; Maglev[:h] = {k: "v"}; Maglev.commit' >/dev/null
out=$(mrb '
  a = Maglev[:a]; h = Maglev[:h]; t = [9]
  a << 3; h[:k] << "!"; h[:z] = 1; t << 10
  Maglev.abort_transaction
  p a, h, t, Maglev[:a].equal?(a)')
expect "abort resets held references in place" "$out" $'[1, 2]\n{:k=>"v"}\n[9, 10]\ntrue'
finish
