#!/usr/bin/env bash
# Help texts: maglev --help, maglev help, maglev help CMD, CMD --help on every
# subcommand; usage errors exit 2 with one line on stderr.
. "$(dirname "$0")/lib.sh"

commands="create start stop restart status list backup restore check gc destroy help version"

mg --help
expect "--help exits 0" "$RC" 0
expect_match "--help starts with the usage line" "$(printf '%s\n' "$OUT" | head -n 1)" '^usage: maglev \[--stone NAME\] COMMAND'
for c in $commands; do
	expect_match "--help lists $c" "$OUT" "^  $c( |\$)"
done
expect_match "--help names MAGLEV_DATA" "$OUT" '^  MAGLEV_DATA '
expect_match "--help explains the exit status" "$OUT" '^exit status: 0 success'
expect "--help writes nothing on stderr" "$ERR" ""
overview=$OUT

mg help
expect "maglev help exits 0" "$RC" 0
expect "maglev help is maglev --help" "$OUT" "$overview"
mg -h
expect "maglev -h is maglev --help" "$OUT" "$overview"

for c in $commands; do
	mg "$c" --help
	expect "$c --help exits 0" "$RC" 0
	expect_match "$c --help shows its usage" "$(printf '%s\n' "$OUT" | head -n 1)" "^usage: maglev $c( |\$)"
	expect "$c --help has a description" "$(printf '%s\n' "$OUT" | sed -n 3p | grep -c .)" 1
	cmd_help=$OUT
	mg help "$c"
	expect "maglev help $c is $c --help" "$OUT" "$cmd_help"
done
mg start -h
expect_match "-h works after a command" "$OUT" '^usage: maglev start'

# --help never acts: no data folder appears
mg create --help
mg start --help
expect "--help creates nothing" "$(ls "$TMP" | grep -c '^data$')" 0

mg --version
expect_match "--version" "$OUT" '^maglev [0-9.]+ \(repository format [0-9]+\)$'

mg
expect "no command: exit 2" "$RC" 2
expect_match "no command: usage on stderr" "$ERR" '^usage: maglev'
expect "no command: nothing on stdout" "$OUT" ""

mg frobnicate
expect "unknown command: exit 2" "$RC" 2
expect "unknown command: one line" "$ERR" "maglev: unknown command 'frobnicate' (see maglev --help)"
mg help frobnicate
expect "help on an unknown command: exit 2" "$RC" 2
mg --bogus status
expect "unknown global option: exit 2" "$RC" 2
mg status --bogus
expect "unknown option: exit 2" "$RC" 2
expect_match "unknown option: named" "$ERR" "^maglev: unknown option '--bogus' for status"
mg status a b
expect "too many arguments: exit 2" "$RC" 2
expect_match "too many arguments: usage shown" "$ERR" '^maglev: too many arguments for status \(usage: maglev status \[STONE\]\)'
mg stop --force
expect "an option the command does not take: exit 2" "$RC" 2
mg start --interval
expect "--interval without a value: exit 2" "$RC" 2
mg start --interval 0
expect "--interval 0: exit 2" "$RC" 2
mg status --stone
expect "--stone without a value: exit 2" "$RC" 2
mg status one --stone two
expect "two different stones: exit 2" "$RC" 2
mg destroy
expect "destroy without a name: exit 2" "$RC" 2
expect_match "destroy without a name: says so" "$ERR" '^maglev: name the stone'
mg backup
expect "backup without a file: exit 2" "$RC" 2
finish
