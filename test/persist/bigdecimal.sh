#!/usr/bin/env bash
# BigDecimal persists like Rational: finite values, signed zeros, NaN and the
# infinities keep their digits and their precs; a process that faults one
# loads bigdecimal itself; values hash the same as Hash keys in a later process.
. "$(dirname "$0")/lib.sh"
mrb '
  require "bigdecimal"
  pi = BigDecimal("3.14159265358979323846264338327950288419716939937510")
  Maglev[:bd] = [pi, pi, BigDecimal("-0"), BigDecimal::NAN, BigDecimal("-Infinity"), BigDecimal(10)**40 / 3, BigDecimal("-1e-30")]
  Maglev[:prices] = { BigDecimal("9.99") => "widget", BigDecimal("0.1") + BigDecimal("0.2") => "sum" }
  Maglev.commit' >/dev/null
expect "values, without requiring bigdecimal" "$(mrb 'x = Maglev[:bd]; p x; p x[0].class, x.map(&:frozen?).uniq, x[0].equal?(x[1])')" \
  $'[0.31415926535897932384626433832795028841971693993751e1, 0.31415926535897932384626433832795028841971693993751e1, -0.0, NaN, -Infinity, 0.3333333333333333333333333333333333333333333333333e40, -0.1e-29]\nBigDecimal\n[true]\ntrue'
expect "arithmetic and precs on faulted values" "$(mrb 'x = Maglev[:bd]; p x[0] * 2, x[5].precs, x[2].sign, x[4].infinite?, (x[6] / 3).to_s("F")')" \
  $'0.62831853071795864769252867665590057683943387987502e1\n[54, 63]\n-1\n-1\n"-0.000000000000000000000000000000333333333333333333333333333333333333333333"'
expect "keys hash the same in a later process" "$(mrb 'require "bigdecimal"; h = Maglev[:prices]; p h[BigDecimal("9.990")], h[BigDecimal("0.3")]')" $'"widget"\n"sum"'
mrb 'x = Maglev[:bd]; x[2] = x[0] + 1; Maglev.commit' >/dev/null
expect "a stored replacement commits" "$(mrb 'p Maglev[:bd][2]')" '0.41415926535897932384626433832795028841971693993751e1'
bin_check=$("$ROOT/bin/maglev" check 2>&1 | tail -1)
expect "the repository checks clean" "$bin_check" "stone 'test' is ok"
finish
