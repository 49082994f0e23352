#!/usr/bin/env bash
# MagLev's command-line switches (MAGLEV-API.md section 10): --stone picks
# the repository; -MtraceLoad, -MtraceGlobals, -MlogSexp trace to stderr;
# -MnoCaptureStack keeps no backtraces; -MmaglevVersion prints the version;
# an unknown -M switch is refused. MAGLEV_OPTS is read first.
. "$(dirname "$0")/lib.sh"
# (LMDB stones in MAGLEV_DATA, also on the PostgreSQL pass: MAGLEV_REPOSITORY
# would name the repository instead of the stone)
(
unset MAGLEV_REPOSITORY
"$MRUBY" --stone one -e 'Maglev[:who] = :one; Maglev.commit'
"$MRUBY" --stone=two -e 'Maglev[:who] = :two; Maglev.commit'
expect "--stone picks the repository" "$("$MRUBY" --stone one -e 'p Maglev[:who]'; "$MRUBY" --stone two -e 'p Maglev[:who]')" ':one
:two'
expect "MAGLEV_OPTS may name it" "$(MAGLEV_OPTS='--stone two' "$MRUBY" -e 'p Maglev[:who]')" ':two'
finish >"$MAGLEV_DATA/stone_checks"
)
head -n -1 "$MAGLEV_DATA/stone_checks"
checks=$((checks + 2)); fails=$((fails + $(grep -c '^not ok' "$MAGLEV_DATA/stone_checks")))
echo 'LIB1 = 1' >"$MAGLEV_DATA/lib1.rb"
expect "-MtraceLoad names each file loaded" "$("$MRUBY" -MtraceLoad -I"$MAGLEV_DATA" -e 'require "lib1"; require "lib1"' 2>&1)" "[traceLoad] loading -e
[traceLoad] loading $MAGLEV_DATA/lib1.rb"
expect "-MtraceGlobals names each assignment" "$("$MRUBY" -MtraceGlobals -e '$g = [1, :a]; $g << 2; $h = nil' 2>&1)" '[traceGlobals] $g = [1, :a]
[traceGlobals] $h = nil'
expect "-MlogSexp prints the parse tree" "$("$MRUBY" -MlogSexp -e 'p 1' 2>&1 | head -3)" "$("$MRUBY" --dump-ast -e 'p 1' | head -2 | sed '1i [logSexp] -e' | sed '2,$s/^/  /')"
expect "-MnoCaptureStack: no backtraces" "$("$MRUBY" -MnoCaptureStack -e 'begin; raise "x"; rescue => e; p e.backtrace; end')" nil
expect "-MmaglevVersion prints the version, then runs" "$("$MRUBY" -MmaglevVersion -e 'p 1')" "$("$MRUBY" --version)
1"
out=$("$MRUBY" -Mbogus -e 'p 1' 2>&1); rc=$?
expect "an unknown -M switch is refused" "$rc: $out" "1: maglev-ruby: unknown MagLev switch -Mbogus (known: persistent, commit, traceLoad, traceGlobals, logSexp, noCaptureStack, maglevVersion, rlwrap)"
finish
