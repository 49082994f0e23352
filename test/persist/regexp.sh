#!/usr/bin/env bash
# A Regexp persists (MAGLEV-API.md fact 4: every core class is persistable):
# a persistent class's Regexp constant commits with its class, Regexps in
# the root keep source, options, names and encoding, match in a later
# process, hash as equal keys, keep their ivars; a literal stays frozen;
# repository GC keeps a Regexp's source; a Regexp cannot be initialized twice.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent { class User; EMAIL = /\A[^@\s]+@[^@\s]+\z/; def self.ok?(s) = EMAIL.match?(s); end }
Maglev[:res] = [/a(?<mid>b+)c/ix, Regexp.new("x.y", Regexp::MULTILINE), /caf\u00e9/, /[[:alpha:]]+/, Regexp.union("a.b", /c|d/), /\w+\s\d/]
r = Regexp.new("plain"); r.instance_variable_set(:@tag, :t); Maglev[:plain] = r
Maglev[:rekey] = { /k/ => 1 }
Maglev.commit'
expect "a class constant holding a Regexp commits with its class" "$(mrb 'p User::EMAIL, User.ok?("a@b.c"), User.ok?("no pe")')" \
  '/\A[^@\s]+@[^@\s]+\z/
true
false'
"$ROOT/bin/maglev" gc test >/dev/null
expect "Regexps read back: source, options, frozen, encoding" "$(mrb 'r = Maglev[:res]; p r, r.map(&:options), r.map(&:frozen?), r.map(&:encoding).uniq, r[0].names')" \
  '[/a(?<mid>b+)c/ix, /x.y/m, /caf\u00e9/, /[[:alpha:]]+/, /a\.b|(?-mix:c|d)/, /\w+\s\d/]
[3, 4, 16, 0, 0, 0]
[true, false, true, true, false, true]
[#<Encoding:US-ASCII>, #<Encoding:UTF-8>]
["mid"]'
expect "they match in a later process" "$(mrb 'r = Maglev[:res]
p "xABBBC" =~ r[0], $~[:mid], r[1].match?("x\ny"), r[2].match?("café"), "12éz3" =~ r[3], r[4].match("zzd")[0], "x1 y2 z 3".scan(r[5]), "aXbYca.b".gsub(r[4], "-")')" \
  '1
"BBB"
true
true
2
"d"
["z 3"]
"aXbY--"'
expect "equal Regexps hash alike; ivars persist" "$(mrb 'p Maglev[:rekey][/k/], Maglev[:res][0] == /a(?<mid>b+)c/ix, Maglev[:res][0].eql?(/a(?<mid>b+)c/ix), Maglev[:plain].instance_variable_get(:@tag)')" \
  '1
true
true
:t'
expect "a read Regexp cannot be initialized again" "$(mrb 'r = Maglev[:plain]; p((r.send(:initialize, "other") rescue $!), r, (Maglev[:res][0].send(:initialize, "x") rescue $!.class))')" \
  '#<TypeError: already initialized regexp>
/plain/
FrozenError'
expect "one Regexp shared by two objects stays one object" "$(mrb 'x = Maglev[:res][5]; Maglev[:two] = [x, { re: x }]; Maglev.commit; p :ok' >/dev/null; mrb 'a = Maglev[:two]; p a[0].equal?(a[1][:re]), a[0].equal?(Maglev[:res][5])')" \
  'true
true'
expect "abort resets a Regexp's ivars; a nested abort keeps it matching in every encoding" "$(mrb '
x = Maglev[:plain]; x.instance_variable_set(:@tag, :changed); Maglev.abort_transaction
a = [x.instance_variable_get(:@tag)]
l1 = "\xe9plain".force_encoding("ISO-8859-1"); b1 = "\xffplain".b
Maglev.begin_nested_transaction
a << (x =~ l1) << (x =~ b1) << (x =~ l1); x.instance_variable_set(:@n, 1)
Maglev.abort_transaction
a << Maglev.transaction_level << (x =~ b1) << (x =~ l1) << x.instance_variable_get(:@n)
Maglev.abort_transaction; GC.start
p a, x =~ b1, x =~ "plain"')" \
  '[:t, 1, 1, 1, 1, 1, 1, nil]
1
0'
chk=$("$ROOT/bin/maglev" check test 2>&1)
expect "check: the repository is sound" "$(echo "$chk" | tail -1)" "stone 'test' is ok"
finish
