#!/usr/bin/env bash
# maglev/gstore: PStore's API over the repository, seen by a second process.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
g() { mrb "require 'maglev/gstore'; s = GStore.new('accounts'); $1"; }
expect "GStore is a PStore" "$(g 'p GStore.superclass, s.path')" 'PStore
"accounts"'
g 's.transaction { |t| t[:alice] = 100; t["list"] = [1, 2]; :ignored }' >/dev/null
expect "a second process reads the committed roots" \
	"$(g 'p s.transaction(true) { |t| [t[:alice], t.fetch("list"), t.roots, t.root?(:alice), t.root?(:bob), t[:bob]] }')" \
	'[100, [1, 2], [:alice, "list"], true, false, nil]'
expect "transaction answers the block's value" "$(g 'p s.transaction(true) { |t| t[:alice] + 1 }')" 101
g 's.transaction { |t| t[:alice] = 0; t.abort; t[:never] = 1 }' >/dev/null
expect "abort discards the transaction's changes" "$(g 'p s.transaction(true) { |t| [t[:alice], t.root?(:never)] }')" "[100, false]"
expect "an exception discards them and propagates" \
	"$(g 'begin; s.transaction { |t| t[:alice] = -1; raise "boom" }; rescue => e; p e.message; end')" '"boom"'
g 's.transaction { |t| t[:bob] = 5; t.commit; t[:never] = 1 }' >/dev/null
expect "commit ends the transaction and keeps its changes" \
	"$(g 'p s.transaction(true) { |t| [t[:alice], t[:bob], t.root?(:never)] }')" "[100, 5, false]"
g 's.transaction { |t| t.delete(:bob); t["list"] << 3 }' >/dev/null
expect "delete and a change to a stored object persist" "$(g 'p s.transaction(true) { |t| [t.roots, t["list"]] }')" '[[:alice, "list"], [1, 2, 3]]'
expect "errors are PStore's" "$(g '
  [-> { s[:alice] },
   -> { s.transaction(true) { |t| t[:x] = 1 } },
   -> { s.transaction(true) { |t| t.fetch(:nope) } }].each do |f|
    begin f.call; rescue PStore::Error => e; puts e.message; end
  end
  p s.transaction(true) { |t| t.fetch(:nope, :dflt) }')" "not in transaction
in read-only transaction
undefined root name \`nope'
:dflt"
expect "a read-only transaction saves nothing" \
	"$(g 's.transaction(true) { |t| t["list"] << 4 }'; g 'p s.transaction(true) { |t| t["list"] }')" "[1, 2, 3]"
expect "a store nobody wrote is empty" "$(mrb 'require "maglev/gstore"; p GStore.new("other").transaction(true) { |t| t.roots }')" "[]"
if [ "$(g 'p GStore.nesting?')" = true ]; then
	expect "nested: the inner abort rolls back only the inner block" \
		"$(g 's.transaction { |t| t[:outer] = 1; s.transaction { |u| u[:inner] = 1; u.abort } }
		     p s.transaction(true) { |t| [t[:outer], t[:inner]] }')" "[1, nil]"
	expect "nested: the inner commit reaches the repository with the outer one" \
		"$(g 's.transaction { |t| s.transaction { |u| u[:inner2] = 2 }; t[:outer2] = 2 }'; g 'p s.transaction(true) { |t| [t[:outer2], t[:inner2]] }')" "[2, 2]"
else
	expect "without nested transactions (Maglev.begin_nested_transaction) a nested one is PStore's error" \
		"$(g 'begin; s.transaction { s.transaction { } }; rescue PStore::Error => e; p e.message; end')" '"nested transaction"'
fi
# two processes writing two different stores at the same time both commit
rm -f "$D/ready" "$D/done"
mrb "require 'maglev/gstore'
  GStore.new('x').transaction { |t| t[:k] = 1; File.write('$D/ready', ''); sleep 0.01 until File.exist?('$D/done') }
  puts 'x committed'" >"$D/xout" &
mrb "require 'maglev/gstore'
  sleep 0.01 until File.exist?('$D/ready')
  Maglev.abort_transaction
  GStore.new('y').transaction { |t| t[:k] = 2 }
  File.write('$D/done', '')" >/dev/null
wait
expect "two processes writing different stores at once both commit" "$(cat "$D/xout")" "x committed"
expect "both stores are there" "$(mrb 'require "maglev/gstore"; p %w[x y].map { |n| GStore.new(n).transaction(true) { |t| t[:k] } }')" "[1, 2]"
finish
