#!/bin/sh
# run.sh -- parser regression checks (from the repository root):
#   test/parse/ok/*.rb must parse; test/parse/err/*.rb must fail with the
#   message on their first line (`# error: ...`). With `--cruby`, also compare
#   the structural fingerprint of every file given with CRuby's (needs ruby).
set -e
CC=${CC:-gcc}
$CC -std=c11 -Wall -Wextra -g -Isrc -DPARSE_DUMP_STANDALONE -o /tmp/mg_parse_dump \
    tools/parse_dump.c src/parse/[a-z]*.c src/util/arena.c src/object/symbol.c
fail=0
for f in test/parse/ok/*.rb; do
    /tmp/mg_parse_dump -q "$f" || { echo "FAIL (should parse): $f"; fail=1; }
done
for f in test/parse/err/*.rb; do
    want=$(head -1 "$f" | sed 's/^# error: //')
    if out=$(/tmp/mg_parse_dump -q "$f" 2>&1); then
        echo "FAIL (should not parse): $f"; fail=1
    elif ! printf '%s' "$out" | grep -qF -- "$want"; then
        echo "FAIL (wrong message): $f: got: $(printf '%s' "$out" | head -1)"; fail=1
    fi
done
if [ "$1" = "--cruby" ]; then
    shift
    $CC -std=c11 -O1 -Isrc -DPARSE_DUMP_STANDALONE -o /tmp/mg_fingerprint \
        test/parse/fingerprint.c src/parse/[a-z]*.c src/util/arena.c src/object/symbol.c
    for f in "$@"; do
        ruby test/parse/fingerprint.rb "$f" > /tmp/mg_fp_a 2>/dev/null || true
        /tmp/mg_fingerprint "$f" > /tmp/mg_fp_b 2>/dev/null || true
        cmp -s /tmp/mg_fp_a /tmp/mg_fp_b || echo "differs from CRuby: $f ($(diff /tmp/mg_fp_a /tmp/mg_fp_b | grep -c '^[<>]') lines)"
    done
fi
[ $fail = 0 ] && echo "parser regression tests passed"
exit $fail
