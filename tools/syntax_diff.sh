#!/usr/bin/env bash
# syntax_diff.sh -- differential syntax check against CRuby: every snippet of
# a snippets file (default test/parse/snippets.rb; each begins with a line
# `#--- NAME`) is written to a file of its own and checked with `ruby -c` and
# `bin/maglev-ruby -c`. The two must agree on accepting or rejecting it; with
# -m, on the first error report (message, source line and caret line) too.
# Prints one line per disagreement and `N agree, M differ`; exits 1 if any differ.
# --fast asks one CRuby process for all snippets (RubyVM::AbstractSyntaxTree.parse:
# CRuby's parser as `ruby -c` runs it, but its messages lack "file:line: ", so
# the line number of an error is not compared) instead of one `ruby -c` each.
#   tools/syntax_diff.sh [-m] [-v] [--fast] [--maglev CMD] [SNIPPETS...]
set -u
cd "$(dirname "$0")/.." || exit 2
maglev=bin/maglev-ruby messages=0 verbose=0 fast=0 files=()
while (($#)); do
	case $1 in
	-m) messages=1 ;;
	-v) verbose=1 ;;
	--fast) fast=1 ;;
	--maglev) maglev=$2; shift ;;
	*) files+=("$1") ;;
	esac
	shift
done
((${#files[@]})) || files=(test/parse/snippets.rb)
command -v ruby >/dev/null 2>&1 || { echo "skip: ruby not installed"; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/syntax_diff.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
# split: snippet k goes to $tmp/k.rb, its name to $tmp/k.name
awk -v dir="$tmp" '
	/^#--- / { n++; f = dir "/" n ".rb"; printf "" > f; print substr($0, 6) > (dir "/" n ".name"); next }
	n { print >> f }
' "${files[@]}"

first_report() { grep -v ': warning: ' "$1" | awk -v f="$src" 'index($0, f ":") == 1 { n++ } n <= 1'; }
# --fast: k.r.rc and k.r.err for every snippet from one CRuby process; the
# message's first report is its first line and, when a caret line follows the
# next one, those two lines
if ((fast)); then
	ruby -e '
		Dir[File.join(ARGV[0], "*.rb")].each do |src|
			k = src.delete_suffix(".rb")
			begin
				RubyVM::AbstractSyntaxTree.parse(File.read(src, encoding: "UTF-8"))
				File.write(k + ".r.rc", "0")
				File.write(k + ".r.err", "")
			rescue SyntaxError => e
				lines = e.message.split("\n", -1)
				first = [lines[0]]
				first += lines[1, 2] if lines[2]&.match?(/\A(\.\.\.)?[ \t]*\^~*\z/)
				File.write(k + ".r.rc", "1")
				File.write(k + ".r.err", first.join("\n") + "\n")
			end
		end
	' "$tmp" 2>/dev/null || { echo "syntax_diff.sh: ruby failed"; exit 2; }
fi
agree=0 differ=0
for name in "$tmp"/*.name; do
	k=${name%.name}
	src=$k.rb
	if ((fast)); then
		rc_r=$(<"$k.r.rc")
	else
		ruby -c "$src" >"$k.r.out" 2>"$k.r.err"; rc_r=$?
	fi
	"$maglev" -c "$src" >"$k.m.out" 2>"$k.m.err"; rc_m=$?
	if ((fast && rc_m == 1)); then
		# compare without maglev's "file:line: " (CRuby's message has none here)
		first_report "$k.m.err" | sed "1s|^$src:[0-9]*: ||" >"$k.m.e"
		mv "$k.m.e" "$k.m.err"
	fi
	what=""
	if (( (rc_r == 0) != (rc_m == 0) )); then
		if ((rc_r == 0)); then what="CRuby accepts, maglev rejects"; else what="CRuby rejects, maglev accepts"; fi
	elif ((rc_r > 1 || rc_m > 1)); then
		what="exit status $rc_r (CRuby) vs $rc_m (maglev)"
	elif ((messages && rc_r != 0)) && [[ $(<"$k.r.err") != "$(<"$k.m.err")" ]]; then
		# CRuby's warnings are not compared, and only the first error report
		# (its message line, source line and caret line): CRuby's parser goes on
		# after an error and reports more, maglev's stops at the first.
		first_report "$k.r.err" >"$k.r.e"
		first_report "$k.m.err" >"$k.m.e"
		[[ $(<"$k.r.e") == "$(<"$k.m.e")" ]] || what="different error report"
	fi
	if [[ -n $what ]]; then
		differ=$((differ + 1))
		printf 'DIFFER %s: %s\n' "$(cat "$name")" "$what"
		if ((verbose)); then
			sed 's/^/    | /' "$src"
			echo "    CRuby:"; sed 's/^/      /' "$k.r.err"
			echo "    maglev:"; sed 's/^/      /' "$k.m.err"
		fi
	else
		agree=$((agree + 1))
	fi
done
echo "$agree agree, $differ differ"
((differ == 0))
