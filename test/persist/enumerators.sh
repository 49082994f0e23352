#!/usr/bin/env bash
# Every kind of Enumerator persists and goes on in a later process: lazy
# ones, Enumerator.new blocks, chains, arithmetic sequences and produce.
# (An Enumerator in the middle of next/peek holds a Fiber: TransactionError.)
. "$(dirname "$0")/lib.sh"
expect "the commit" "$(mrb '
Maglev[:e] = { lazy: (1..Float::INFINITY).lazy.map { _1 * 2 }.select { _1 % 3 == 0 },
               gen: Enumerator.new { |y| y << 1; y << 2; y.yield 3 }, sized: Enumerator.new(5) { |y| y << :a },
               chain: [1].each + [2, 3].each, step: (1..10).step(3), arith: 1.step(10, 4),
               fstep: 1.0.step(2.0, 0.5), produce: Enumerator.produce(1) { _1 * 3 } }
p Maglev.commit')" "true"
expect "a later process runs them" "$(mrb 'e = Maglev[:e]
p e[:lazy].first(3), e[:gen].to_a, e[:sized].size, e[:chain].to_a, e[:step].to_a, e[:arith].to_a, e[:fstep].to_a, e[:produce].first(4)
p e[:lazy].class, e[:chain].class, e[:step].class, e[:step].size, e[:step] == (1..10).step(3)')" '[6, 12, 18]
[1, 2, 3]
5
[1, 2, 3]
[1, 4, 7, 10]
[1, 5, 9]
[1.0, 1.5, 2.0]
[1, 3, 9, 27]
Enumerator::Lazy
Enumerator::Chain
Enumerator::ArithmeticSequence
4
true'
expect "an external enumerator in progress holds a Fiber: refused" \
	"$(mrb 'x = [1, 2].each; x.next; Maglev[:x] = x; begin; Maglev.commit; rescue TransactionError; puts :refused; end')" "refused"
finish
