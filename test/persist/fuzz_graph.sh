#!/usr/bin/env bash
# Differential persistence fuzzing (tools/persist_fuzz.rb): for each seed a
# random object graph (every kind of value that may persist, shared and
# cyclic) is built and committed; a new process must dump it exactly as the
# builder did and as CRuby dumps the same graph built in memory; two seeded
# rounds of changes are committed and compared the same way (and round 1 made
# by the builder itself); a process with a capped heap reads the same, also
# after changing captured variables without committing them; object
# ids stay; an abort after random changes resets the objects held in
# variables and the root to what a new process reads, and an aborted nested
# transaction restores what it changed, at any depth; a commit reaching an
# instance of a transient class raises TransactionError naming it and writes
# nothing.
# PFUZZ_SEEDS="1 2 3" picks other seeds (the default list is fixed, so the
# test is deterministic). Without CRuby the comparison with it is skipped.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Berlin
FUZZ="$ROOT/tools/persist_fuzz.rb"
# 37: a keyword_init Struct class in a proc's answer (its inspect was not
# CRuby's). The setall check under the cap fails for seeds 3, 5, 6, 9, 12 and
# 37 where a changed Env was lost once its Procs were evicted.
seeds=${PFUZZ_SEEDS:-"1 2 3 4 5 6 7 8 9 10 11 12 37"}
have_ruby=$(command -v ruby >/dev/null && ruby -e 'print RUBY_VERSION.start_with?("3.")' 2>/dev/null)
[ "$have_ruby" = true ] || echo "# no CRuby 3: the comparison with CRuby is skipped"
W="$MAGLEV_DATA/fuzz"
mkdir -p "$W"

# fz [--VM-OPTION] MODE SEED >FILE: one maglev-ruby run of the fuzzer; a
# failed run is reported by finish (as mrb does).
fz() {
	local opt=()
	case $1 in --*) opt=("$1"); shift ;; esac
	"$MRUBY" "${opt[@]}" "$FUZZ" "$@" 2>"$W/err" || {
		printf 'persist_fuzz.rb %s exited %s: %s\n' "$*" "$?" "$(head -c 300 "$W/err" | tr '\n' ' ')" >>"$MAGLEV_DATA/.mrb_failures"
	}
}

# same NAME FILE1 FILE2: the two files are equal; else where they differ.
same() {
	if cmp -s "$2" "$3"; then
		expect "$1" same same
	else
		local at
		at=$(cmp "$2" "$3" 2>&1 | grep -oE 'byte [0-9]+' | grep -oE '[0-9]+')
		at=$(( ${at:-1} > 120 ? ${at:-1} - 120 : 0 ))
		expect "$1" "differ at byte $at: $(tail -c +$at "$2" | head -c 240) /// $(tail -c +$at "$3" | head -c 240)" same
	fi
}

for s in $seeds; do
	fz build "$s" >"$W/build"
	fz dump >"$W/dump"
	same "seed $s: a new process reads the graph the builder committed" "$W/dump" "$W/build"
	expect "seed $s: object ids taken before the commit stay" "$(fz ids)" true
	for r in 1 2; do
		fz mutate "$s" $r >"$W/mutate$r"
		fz dump >"$W/dump$r"
		tail -1 "$W/mutate$r" >"$W/mutated"
		same "seed $s: a new process reads the committed changes of round $r" "$W/dump$r" "$W/mutated"
	done
	fz --max-memory=4M dump >"$W/dump_capped"
	same "seed $s: and one whose heap is capped at 4 MB (evicting and faulting again)" "$W/dump_capped" "$W/dump2"
	fz setall >"$W/setall"
	fz --max-memory=4M setall >"$W/setall_capped"
	same "seed $s: captured variables changed and not committed stay under the cap too" "$W/setall_capped" "$W/setall"
	if [ "$have_ruby" = true ]; then
		rm -f "$W"/cruby*
		ruby "$FUZZ" chain "$s" 2 2>"$W/err" | awk -v f="$W/cruby" '/^==$/ { n++; next } { print > (f n) }' ||
			echo "# CRuby failed on seed $s: $(head -c 200 "$W/err")"
		same "seed $s: the graph is the one CRuby builds" "$W/build" "$W/cruby"
		same "seed $s: round 1 of changes and their errors are CRuby's" "$W/mutate1" "$W/cruby1"
		same "seed $s: round 2 likewise" "$W/mutate2" "$W/cruby2"
	fi
	fz held "$s" >"$W/held"
	fz abort "$s" >"$W/abort"
	same "seed $s: abort resets the held objects and the root in place" "$W/abort" "$W/held"
	fz transient "$s" >"$W/transient"
	expect "seed $s: a transient class's instance fails the commit, naming it" "$(head -1 "$W/transient")" "TransactionError object=true"
	tail -n +2 "$W/transient" >"$W/transient_dump"
	same "seed $s: after the failed commit and an abort the graph is the committed one" "$W/transient_dump" "$W/dump2"
	fz dump >"$W/dump3"
	same "seed $s: and the failed commit wrote nothing" "$W/dump3" "$W/dump2"
	fz nested "$s" >"$W/nested"
	expect "seed $s: aborting a nested transaction restores the objects as they were at its start" "$(head -1 "$W/nested")" "nested abort restores: true level 1"
	fz dump >"$W/dump5"
	tail -1 "$W/nested" >"$W/mutated"
	same "seed $s: and the outer level commits" "$W/dump5" "$W/mutated"
	fz deepnest "$s" >"$W/deepnest"
	expect "seed $s: levels nested up to 8 deep, each committed or aborted at random" "$(sed -n '/^deep nesting/p;/^abort at/p' "$W/deepnest")" "deep nesting: 0 bad aborts, level 1"
	fz dump >"$W/dump6"
	tail -1 "$W/deepnest" >"$W/mutated"
	same "seed $s: and the outermost level commits what they kept" "$W/dump6" "$W/mutated"
	# the builder changes what it has just committed
	fz buildmut "$s" >"$W/buildmut"
	fz dump >"$W/dump4"
	tail -1 "$W/buildmut" >"$W/mutated"
	same "seed $s: changes made by the builder after its commit commit too" "$W/dump4" "$W/mutated"
	[ "$have_ruby" = true ] && same "seed $s: and are CRuby's" "$W/buildmut" "$W/cruby1"
done
# seeds whose deep nesting changes captured variables at level 2 before a
# level 3 is opened (an abort of level 2 kept those changes)
deep_seeds=${PFUZZ_DEEP_SEEDS:-"18 80 97"}
for s in $deep_seeds; do
	fz build "$s" >/dev/null
	fz deepnest "$s" >"$W/deepnest"
	expect "seed $s: deep nesting restores captured variables" "$(sed -n '/^deep nesting/p;/^abort at/p' "$W/deepnest")" "deep nesting: 0 bad aborts, level 1"
	fz dump >"$W/dump6"
	tail -1 "$W/deepnest" >"$W/mutated"
	same "seed $s: and the outermost level commits what they kept" "$W/dump6" "$W/mutated"
done
finish
