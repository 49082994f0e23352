#!/usr/bin/env bash
# Sequel under maglev beside CRuby: it loads (it requires bigdecimal, which
# maglev provides natively), typecasts decimals and literalizes BigDecimals as
# CRuby does; connecting to SQLite fails cleanly with Sequel::AdapterNotFound
# naming the sqlite3 gem's C extension (maglev cannot load CRuby C extensions),
# never a crash.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
checks=0 fails=0
expect() {
	checks=$((checks + 1))
	if [ "$2" == "$3" ]; then echo "ok - $1"; else
		fails=$((fails + 1)); echo "not ok - $1"; echo "  expected: $3"; echo "  actual:   $2"; fi
}
prog='require "sequel"
db = Sequel.mock
p Sequel::VERSION >= "5"
p db.typecast_value(:decimal, "1.50"), db.typecast_value(:decimal, 3), db.typecast_value(:integer, "42")
puts db[:items].where(price: BigDecimal("9.99")).sql
puts db[:items].where { price > BigDecimal("1e-3") }.sql
puts db.literal(BigDecimal("-0.5") * 3)
begin
  db.typecast_value(:decimal, "x1")
rescue Sequel::InvalidValue => e
  p e.class
end'
C=$(ruby -e "$prog" 2>/dev/null)
M=$("$MRUBY" -e "$prog" 2>/dev/null)
expect "Sequel with BigDecimal values, as CRuby" "$M" "$C"
out=$("$MRUBY" -e 'require "sequel"; begin; Sequel.sqlite; rescue Sequel::AdapterNotFound => e; puts e.class, e.message.include?("C extension of the sqlite3 gem"); end' 2>&1)
expect "Sequel.sqlite: a clear error naming the gem" "$out" $'Sequel::AdapterNotFound\ntrue'
"$MRUBY" -e 'require "sequel"; Sequel.connect("sqlite:/")' >/dev/null 2>&1
status=$?
expect "an uncaught adapter error exits 1 (no signal)" "$status" "1"
echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
