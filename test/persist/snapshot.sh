#!/usr/bin/env bash
# A view is stable until the next transaction boundary; abort/commit refresh it.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:x] = 1; Maglev.commit' >/dev/null
fifo="$MAGLEV_DATA/go"
mkfifo "$fifo" "$MAGLEV_DATA/ready"
out=$("$MRUBY" -e '
  a = Maglev[:x]
  File.write(ARGV[1], "read\n")   # tell the shell our view is taken
  File.read(ARGV[0])           # wait until the other process committed
  b = Maglev[:x]
  Maglev.abort_transaction
  c = Maglev[:x]
  p [a, b, c]' "$fifo" "$MAGLEV_DATA/ready" &
  read -r _ <"$MAGLEV_DATA/ready"
  mrb 'Maglev[:x] = 2; Maglev.commit' >/dev/null
  echo go >"$fifo"
  wait)
expect "snapshot stable, abort refreshes" "$out" "[1, 1, 2]"
finish
