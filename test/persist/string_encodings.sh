#!/usr/bin/env bash
# Strings keep their encodings through a commit: an ISO-8859-1, a UTF-16LE, a
# Shift_JIS and a Windows-1252 string committed by one process come back with
# the same encodings and bytes in another (the record's encoding byte is the
# index into src/core/encodings.def, docs/format.md).
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
finish
