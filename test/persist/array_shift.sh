#!/usr/bin/env bash
# An Array whose front was shifted away (core/array.c keeps a front offset)
# commits, faults in another gem, shifts and unshifts there, and aborts back.
. "$(dirname "$0")/lib.sh"
out=$(mrb 'a = (1..10).to_a; 3.times { a.shift }; a.unshift(:x); Maglev[:q] = a; Maglev.commit
  a.shift; a.push(99); Maglev.commit; p a')
expect "shifted array commits" "$out" '[4, 5, 6, 7, 8, 9, 10, 99]'
out=$(mrb 'a = Maglev[:q]; p a; 5.times { a.shift }; a.unshift(1, 2); Maglev.commit')
expect "another gem reads it" "$out" '[4, 5, 6, 7, 8, 9, 10, 99]'
out=$(mrb 'a = Maglev[:q]; p a; a.shift; a.unshift(0); Maglev.abort_transaction; p a, a.size')
expect "abort refaults a shifted array" "$out" $'[1, 2, 9, 10, 99]\n[1, 2, 9, 10, 99]\n5'
finish
