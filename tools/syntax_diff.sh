#!/usr/bin/env bash
# syntax_diff.sh -- differential syntax check against CRuby: every snippet of
# a snippets file (default test/parse/snippets.rb; each begins with a line
# `#--- NAME`) is written to a file of its own and checked with `ruby -c` and
# `bin/maglev-ruby -c`. The two must agree on accepting or rejecting it; with
# -m, on the first error report (message, source line and caret line) too.
# Prints one line per disagreement and `N agree, M differ`; exits 1 if any differ.
#   tools/syntax_diff.sh [-m] [-v] [--maglev CMD] [SNIPPETS...]
set -u
cd "$(dirname "$0")/.." || exit 2
maglev=bin/maglev-ruby messages=0 verbose=0 files=()
while (($#)); do
	case $1 in
	-m) messages=1 ;;
	-v) verbose=1 ;;
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

agree=0 differ=0
for name in "$tmp"/*.name; do
	k=${name%.name}
	src=$k.rb
	ruby -c "$src" >"$k.r.out" 2>"$k.r.err"; rc_r=$?
	"$maglev" -c "$src" >"$k.m.out" 2>"$k.m.err"; rc_m=$?
	# CRuby's warnings are not compared; with -m only the first error report
	# (its message line, source line and caret line): CRuby's parser goes on
	# after an error and reports more, maglev's stops at the first.
	first_report() { grep -v ': warning: ' "$1" | awk -v f="$src" 'index($0, f ":") == 1 { n++ } n <= 1'; }
	first_report "$k.r.err" >"$k.r.e"
	first_report "$k.m.err" >"$k.m.e"
	what=""
	if (( (rc_r == 0) != (rc_m == 0) )); then
		if ((rc_r == 0)); then what="CRuby accepts, maglev rejects"; else what="CRuby rejects, maglev accepts"; fi
	elif ((rc_r > 1 || rc_m > 1)); then
		what="exit status $rc_r (CRuby) vs $rc_m (maglev)"
	elif ((messages && rc_r != 0)) && ! cmp -s "$k.r.e" "$k.m.e"; then
		what="different error report"
	fi
	if [[ -n $what ]]; then
		differ=$((differ + 1))
		printf 'DIFFER %s: %s\n' "$(cat "$name")" "$what"
		if ((verbose)); then
			sed 's/^/    | /' "$src"
			echo "    CRuby:"; sed 's/^/      /' "$k.r.e"
			echo "    maglev:"; sed 's/^/      /' "$k.m.e"
		fi
	else
		agree=$((agree + 1))
	fi
done
echo "$agree agree, $differ differ"
((differ == 0))
