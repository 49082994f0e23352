#!/usr/bin/env bash
# maglev-irb: evaluates complete inputs, continues incomplete ones, keeps
# locals between lines, reports exceptions without leaving, and commits.
. "$(dirname "$0")/lib.sh"
IRB=${MAGLEV_IRB:-$ROOT/bin/maglev-irb}
out=$(printf 'x = 1 + 2\ndef sq(n)\n  n * n\nend\nsq(x)\nraise "boom"\n[1, 2].map { _1 * 2 }\nMaglev[:irb] = x\nMaglev.commit\n' | "$IRB" 2>&1)
expect "irb session" "$out" "irb(main):001:0> x = 1 + 2
=> 3
irb(main):002:0> def sq(n)
irb(main):003:0*   n * n
irb(main):004:0* end
=> :sq
irb(main):005:0> sq(x)
=> 9
irb(main):006:0> raise \"boom\"
(irb):6:in \`<main>': boom (RuntimeError)
irb(main):007:0> [1, 2].map { _1 * 2 }
=> [2, 4]
irb(main):008:0> Maglev[:irb] = x
=> 3
irb(main):009:0> Maglev.commit
=> true"
expect "committed from irb" "$("$MRUBY" -e 'p Maglev[:irb]')" "3"
expect "irb --help" "$("$IRB" --help | head -1)" "Usage: maglev-irb [-h] [--version]"
finish
