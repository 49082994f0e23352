#!/usr/bin/env bash
# maglev-ruby's CRuby switches for one-liners and scripts: -n -p -l -a -F -0
# -s -x -d -U -E, bundled letters (-lane), -e with its code attached and
# --enable/--disable=frozen-string-literal. Each expectation is what CRuby
# 3.1 prints for the same command line and input.
. "$(dirname "$0")/lib.sh"
D=$TMP
printf '#!/bin/sh\nexit\n#!/usr/bin/ruby\np :ok\n' > "$D/xs"
echo 'p $foo, $bar, $a_b, ARGV' > "$D/sargs.rb"
printf 'a b\nc d\n' > "$D/in.txt"
sw() { eval "\"\$MRUBY\" $1" < "$D/in.txt" 2>&1; }
expect -n "$(sw '-ne '\''print if /c/'\''')" $'c d'
expect -p "$(sw '-pe '\''$_.upcase!'\''')" $'A B\nC D'
expect -l\ -a\ -n\ bundled "$(sw '-lane '\''print $F[1]'\''')" $'b\nd'
expect -F\ with\ -a "$(sw '-F: -ane '\''p $F'\''')" $'["a b\\n"]\n["c d\\n"]'
expect -l\ sets\ \$\\\\ "$(sw '-le '\''print 1'\''')" $'1'
expect -s\ on\ -e "$(sw '-s -e '\''p $x'\'' -- -x')" $'true'
expect -x\ skips\ to\ the\ ruby\ shebang "$(sw '-x $D/xs')" $':ok'
expect -0777\ slurps "$(sw '-0777 -ne '\''p $_'\''')" $'"a b\\nc d\\n"'
expect -00\ is\ paragraph\ mode "$(sw '-00 -e '\''p $/'\''')" $'""'
expect -012\ is\ a\ newline "$(sw '-012 -e '\''p $/'\''')" $'"\\n"'
expect -U "$(sw '-U -e '\''p Encoding.default_internal'\''')" $'#<Encoding:UTF-8>'
expect -E\ ext:int "$(sw '-E ISO-8859-1:UTF-8 -e '\''p Encoding.default_external, Encoding.default_internal'\''')" $'#<Encoding:ISO-8859-1>\n#<Encoding:UTF-8>'
expect --enable=frozen-string-literal "$(sw '--enable=frozen-string-literal -e '\''p "a".frozen?, "#{1}".frozen?'\''')" $'true\nfalse'
expect --enable-frozen-string-literal "$(sw '--enable-frozen-string-literal -e '\''p "a".frozen?'\''')" $'true'
expect a\ magic\ comment\ wins\ over\ the\ switch "$(sw '--enable=frozen-string-literal -e '\''# frozen_string_literal: false'\'' -e '\''p "a".frozen?'\''')" $'false'
expect -d "$(sw '-d -e '\''p $DEBUG, $VERBOSE'\''')" $'true\ntrue'
expect -e\ with\ the\ code\ attached "$(sw '-e'\''p 1'\''')" $'1'
expect BEGIN\ and\ END\ around\ -n "$(sw '-ne '\''BEGIN{$c=0}; $c+=1; END{p $c}'\''')" $'2'
expect next\ in\ -p\ skips\ the\ print "$(sw '-pe '\''next if /a/; $_ = "X\n"'\''')" $'X'
expect -l\ chomps\ and\ -p\ prints\ with\ \$\\\\ "$(sw '-lpe '\''$_ += "!"'\''')" $'a b!\nc d!'
expect -s\ on\ a\ script "$(sw '-s $D/sargs.rb -foo -bar=baz -a-b x y')" $'true\n"baz"\ntrue\n["x", "y"]'
expect -F\ pattern\ is\ a\ Regexp "$(sw '-F, -e '\''p $;'\''')" $'/,/'
expect -a\ splits\ on\ whitespace "$(sw '-ane '\''p $F'\''')" $'["a", "b"]\n["c", "d"]'
expect \$.\ counts\ under\ -n "$(sw '-ne '\''p $.'\''')" $'1\n2'
expect -0\ alone\ is\ NUL\,\ binary "$(sw '-0 -e '\''p $/, $/.encoding'\''')" $'"\\x00"\n#<Encoding:ASCII-8BIT>'
# the script name is kept apart from the switches
expect "-x reports a file without a ruby line" "$(sw '-x $D/in.txt')" 'maglev-ruby: no Ruby script found in input (LoadError)'
finish
