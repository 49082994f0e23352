#!/usr/bin/env bash
# A file system that fills up: a commit that does not fit fails with a message
# that says so and writes nothing; a repository that cannot be made on it
# says so too (not "damaged"); once there is room again, both work.
. "$(dirname "$0")/lib.sh"
pg_skip "the repository's files are the PostgreSQL server's"
if [ -z "${MAGLEV_DISK_FULL_NS:-}" ]; then
	# a small tmpfs, in a mount namespace of this test's own (gone when it ends)
	[ "$(id -u)" -eq 0 ] && unshare -m --propagation private true 2>/dev/null \
		|| { echo "needs root to mount a small file system in a private mount namespace"; exit 77; }
	MAGLEV_DISK_FULL_NS=1 exec unshare -m --propagation private bash "$0" "$@"
fi
small="$MAGLEV_DATA/small"    # the repositories' folder (MAGLEV_DATA stays the test's own, on a disk with room)
mkdir -p "$small"
mount -t tmpfs -o size=32m tmpfs "$small" || { echo "cannot mount a tmpfs here"; exit 77; }
on_small() { MAGLEV_DATA="$small" "$MRUBY" -e "$1" 2>&1; }
other() { MAGLEV_DATA="$small" MAGLEV_STONE=other "$MRUBY" -e "$1" 2>&1; }

on_small 'Maglev[:kept] = ["committed", 42]; Maglev.commit' >/dev/null
dd if=/dev/zero of="$small/filler" bs=64k 2>/dev/null
expect "a commit that does not fit says the file system is full and writes nothing" "$(on_small '
  Maglev[:big] = Array.new(100_000) { |i| "s#{i}" * 4 }
  begin
    Maglev.commit_transaction
  rescue => e
    puts e.class, e.message[/is full \(\d+ KiB free\): nothing was written/] ? "full" : e.message
  end
  Maglev.abort_transaction
  p Maglev[:big], Maglev[:kept]')" $'RuntimeError\nfull\nnil\n["committed", 42]'
expect "another process reads what was committed" "$(on_small 'p Maglev[:kept], Maglev[:big]')" $'["committed", 42]\nnil'

out=$(other 'Maglev[:a] = 1; Maglev.commit; p :made'); rc=$?
expect "a repository that cannot be made says the file system is full" \
	"$rc $(grep -c 'is full: a repository file could not grow' <<<"$out") $(grep -c damaged <<<"$out")" "1 1 0"

rm -f "$small/filler"
expect "with room again the commit goes" "$(on_small 'Maglev[:big] = Array.new(100_000) { |i| "s#{i}" * 4 }; Maglev.commit; p :ok')" ":ok"
expect "and the new repository too" "$(other 'Maglev[:a] = 1; Maglev.commit; p Maglev[:a]')" "1"
expect "both read back" "$(on_small 'p Maglev[:big].size, Maglev[:big][99_999], Maglev[:kept]'; other 'p Maglev[:a]')" \
	$'100000\n"s99999s99999s99999s99999"\n["committed", 42]\n1'
umount "$small"
finish
