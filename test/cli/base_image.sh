#!/usr/bin/env bash
# The base image: make builds share/maglev/extent0.mdb (the root, the system
# table and a record of every core class); maglev create copies it, and the
# new stone passes check and works for maglev-ruby.
. "$(dirname "$0")/lib.sh"
unset MAGLEV_BASE_IMAGE
IMAGE=$ROOT/share/maglev/extent0.mdb
[ -f "$IMAGE" ] || { echo "skip: no base image (run make)"; exit 0; }
classes=$(grep -c '^\(CORE_CLASS\|CORE_MODULE\|LIB_CLASS\)(' "$ROOT/src/object/coreclasses.def")
mg create seeded
expect "create copies the base image" "$RC" 0
mg check seeded
expect "the new stone passes check" "$RC" 0
expect_match "it holds the core classes, the root and the system table" "$OUT" "records: $((classes + 2)) checked, 0 corrupt"
expect "maglev-ruby uses it" "$(MAGLEV_STONE=seeded "$MRUBY" -e 'Maglev[:x] = [1]; Maglev.commit; p Maglev[:x]' && MAGLEV_STONE=seeded "$MRUBY" -e 'p Maglev[:x]')" $'[1]\n[1]'
mg create seeded
expect_fail "an existing stone is not overwritten" "already exists"
finish
