#!/usr/bin/env bash
# Methods loaded in persistent mode from a file with an # encoding: comment
# keep their literals' encoding in later processes, which compile the
# recorded def text (without the comment) in the file's source encoding.
. "$(dirname "$0")/lib.sh"
printf '# encoding: ascii-8bit\nclass Bin\n  def self.lit = "\\xff"\n  def word = "abc#{1}"\nend\n' >"$MAGLEV_DATA/bin.rb"
printf '# coding: us-ascii\nclass Asc\n  def self.lit = "abc"\nend\n' >"$MAGLEV_DATA/asc.rb"
expect "the files load in persistent mode" "$(mrb "Maglev.persistent { load '$MAGLEV_DATA/bin.rb'; load '$MAGLEV_DATA/asc.rb' }; Maglev.commit; p Bin.lit.encoding, Bin.new.word.encoding, Asc.lit.encoding")" \
  $'#<Encoding:ASCII-8BIT>\n#<Encoding:ASCII-8BIT>\n#<Encoding:US-ASCII>'
expect "a later process compiles them in their files' encodings" "$(mrb 'p Bin.lit.encoding, Bin.new.word.encoding, Asc.lit.encoding, "x".encoding')" \
  $'#<Encoding:ASCII-8BIT>\n#<Encoding:ASCII-8BIT>\n#<Encoding:US-ASCII>\n#<Encoding:UTF-8>'
finish
