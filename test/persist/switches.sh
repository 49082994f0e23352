#!/usr/bin/env bash
# MagLev's command-line switches (MAGLEV-API.md section 10): --stone picks
# the repository; -MtraceLoad, -MtraceGlobals, -MlogSexp trace to stderr;
# -MnoCaptureStack keeps no backtraces; -MmaglevVersion prints the version;
# an unknown -M switch is refused. MAGLEV_OPTS is read first.
. "$(dirname "$0")/lib.sh"
"$MRUBY" --stone one -e 'Maglev[:who] = :one; Maglev.commit'
"$MRUBY" --stone=two -e 'Maglev[:who] = :two; Maglev.commit'
expect "--stone picks the repository" "$("$MRUBY" --stone one -e 'p Maglev[:who]'; "$MRUBY" --stone two -e 'p Maglev[:who]')" ':one
:two'
expect "MAGLEV_OPTS may name it" "$(MAGLEV_OPTS='--stone two' "$MRUBY" -e 'p Maglev[:who]')" ':two'
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
