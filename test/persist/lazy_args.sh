#!/usr/bin/env bash
# An element of a big Array read from the repository is an object not read
# yet (unfaulted) until it is used; passed as the argument of a core method
# it must give the answer it gives once read: String#center, #ljust and
# #rjust took an unread pad String for an empty one ("zero width padding"),
# as any C code reading the String, Array or Hash a conversion (to_str,
# to_ary, to_hash) answered could. Each of many such calls runs on an
# element that is still unread, and once more after every element was read.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:a] = Array.new(2000) { |i| case i % 4 when 0 then "str#{i}" when 1 then [i, i + 1] when 2 then { i => i } else (i..i + 2) end }
     Maglev.commit' >/dev/null
ops='
a = Maglev[:a]
a.each(&:itself) if ARGV[0] == "read"
ops = [
  [0, ->(x) { "s".center(10, x) }], [0, ->(x) { "k".ljust(8, x) }], [0, ->(x) { "k".rjust(9, x) }], [0, ->(x) { "a" + x }],
  [0, ->(x) { "ab".concat(x) }], [0, ->(x) { x == "str40" }], [0, ->(x) { "str40" == x }], [0, ->(x) { "%s!" % x }],
  [0, ->(x) { "abcstr" .include?(x) }], [0, ->(x) { "abc".tr(x, "x") }], [0, ->(x) { "x".replace(x) }], [0, ->(x) { "abcabc".split(x) }],
  [0, ->(x) { "abc".sub("b", x) }], [0, ->(x) { "q".prepend(x) }], [0, ->(x) { "str".casecmp?(x) }], [0, ->(x) { [x].pack("A*") }],
  [0, ->(x) { x.dup }], [0, ->(x) { File.join("d", x) }], [0, ->(x) { "str40" <=> x }], [0, ->(x) { x.to_sym }], [0, ->(x) { "ab".delete(x) }],
  [0, ->(x) { "strstr".count(x) }], [0, ->(x) { "abc".squeeze(x) }], [0, ->(x) { "zstr".end_with?(x) }], [0, ->(x) { "z".insert(0, x) }],
  [1, ->(x) { [0] + x }], [1, ->(x) { [0].concat(x) }], [1, ->(x) { [1, 2, 3] - x }], [1, ->(x) { [1, 2] | x }], [1, ->(x) { [1, 2].zip(x) }],
  [1, ->(x) { [3, 4].product(x) }], [1, ->(x) { [1, 2].replace(x) }], [1, ->(x) { [x].flatten }], [1, ->(x) { "%d-%d" % x }], [1, ->(x) { [*x] }],
  [1, ->(x) { [x].transpose }], [1, ->(x) { Hash[[x]] }], [1, ->(x) { x.pack("C*").bytes }], [1, ->(x) { [0, 1, 2].values_at(*x) }],
  [2, ->(x) { {}.merge(x) }], [2, ->(x) { {a: 1}.update(x) }], [2, ->(x) { Hash[x] }], [2, ->(x) { {}.replace(x) }], [2, ->(x) { {**x} }],
  [2, ->(x) { {1 => 2} == x }], [2, ->(x) { x > {} }], [2, ->(x) { {} < x }],
  [3, ->(x) { [1, 2, 3, 4, 5][x] }], [3, ->(x) { "abcdefghijkl"[x] }], [3, ->(x) { (1..3) == x }], [3, ->(x) { [0, 0, 0].fill(7, x) rescue $!.class }],
]
ops.each_with_index do |(kind, op), j|
  x = a[4 * (j + 1) + kind]
  puts "#{j}: #{begin; op.(x).inspect; rescue => e; "#{e.class}: #{e.message}"; end}"
end'
unread=$(mrb "$ops")
read=$("$MRUBY" -e "$ops" read)
expect "the calls on unread elements answer what they answer on read ones" "$(diff <(echo "$unread") <(echo "$read") && echo same)" "same"
expect "the pad of center, ljust and rjust" "$(head -3 <<<"$unread")" $'0: "str4sstr4s"\n1: "kstr8str"\n2: "str12strk"'
finish
