#!/usr/bin/env bash
# Strings keep their encodings through a commit: an ISO-8859-1, a UTF-16LE, a
# Shift_JIS and a Windows-1252 string committed by one process come back with
# the same encodings and bytes in another (the record's encoding byte is the
# index into src/core/encodings.def, docs/format.md). Symbols keep theirs too
# (ref tag 10, format 5): one whose encoding its bytes do not tell comes back
# as the reading process's own Symbol of those bytes in that encoding.
. "$(dirname "$0")/lib.sh"
mrb '
  Maglev[:latin1] = "caf\u00e9".encode("ISO-8859-1")
  Maglev[:utf16] = "h\u00e9\u3042".encode("UTF-16LE")
  Maglev[:sjis] = "\u3042\u3044".encode("Shift_JIS")
  Maglev[:strs] = ["\u20ac".encode("Windows-1252"), "plain", "\xFF".b]
  Maglev.commit' >/dev/null
expect "ISO-8859-1 string" "$(mrb 's = Maglev[:latin1]; p [s.encoding, s.bytes, s.length, s.valid_encoding?]')" \
	'[#<Encoding:ISO-8859-1>, [99, 97, 102, 233], 4, true]'
expect "UTF-16LE string" "$(mrb 's = Maglev[:utf16]; p [s.encoding, s.bytesize, s.length, s.encode("UTF-8")]')" \
	'[#<Encoding:UTF-16LE>, 6, 3, "héあ"]'
expect "Shift_JIS string" "$(mrb 's = Maglev[:sjis]; p [s.encoding, s, s.encode("UTF-8")]')" \
	'[#<Encoding:Shift_JIS>, "\x{82A0}\x{82A2}", "あい"]'
expect "strings in an Array" "$(mrb 'p Maglev[:strs].map(&:encoding)')" \
	'[#<Encoding:Windows-1252>, #<Encoding:UTF-8>, #<Encoding:ASCII-8BIT>]'
# a change of encoding alone is committed too
mrb 'Maglev[:latin1].force_encoding("Windows-1252"); Maglev.commit' >/dev/null
expect "force_encoding committed" "$(mrb 'p Maglev[:latin1].encoding')" '#<Encoding:Windows-1252>'
mrb 'Maglev[:syms] = [:"caf\u00e9", "caf\u00e9".encode("ISO-8859-1").to_sym, "\u3042".encode("Shift_JIS").to_sym,
    "h\u00e9".encode("UTF-16LE").to_sym, "\xFF".b.to_sym, :plain]
  Maglev[:sym_keys] = { "\u00e9".encode("ISO-8859-1").to_sym => :latin1, :"\u00e9" => :utf8 }
  Maglev.commit' >/dev/null
expect "Symbols keep their encodings" "$(mrb 'p Maglev[:syms].map(&:encoding)')" \
	'[#<Encoding:UTF-8>, #<Encoding:ISO-8859-1>, #<Encoding:Shift_JIS>, #<Encoding:UTF-16LE>, #<Encoding:ASCII-8BIT>, #<Encoding:US-ASCII>]'
expect "and are the reading process's own Symbols" "$(mrb 'a = Maglev[:syms]
  p [a[0].equal?(:"caf\u00e9"), a[1].equal?("caf\u00e9".encode("ISO-8859-1").to_sym), a[2] == "\u3042".encode("Shift_JIS").to_sym,
     a[3] == "h\u00e9".encode("UTF-16LE").to_sym, a[4] == "\xFF".b.to_sym, a[1] == :"caf\u00e9", a[1].to_s.bytes]')" \
	'[true, true, true, true, true, false, [99, 97, 102, 233]]'
expect "Symbol keys that differ only by encoding stay apart" \
	"$(mrb 'h = Maglev[:sym_keys]; p h.size, h["\u00e9".encode("ISO-8859-1").to_sym], h[:"\u00e9"]')" $'2\n:latin1\n:utf8'
finish
