#!/usr/bin/env bash
# Write-write conflicts fail cleanly and a retry after abort succeeds; reads never conflict.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:x] = 0; Maglev[:y] = 0; Maglev.commit' >/dev/null
fifo="$MAGLEV_DATA/go"
mkfifo "$fifo" "$MAGLEV_DATA/ready"
out=$("$MRUBY" -e '
  v = Maglev[:x]
  File.write(ARGV[1], "read\n")   # tell the shell our view is taken
  File.read(ARGV[0])
  Maglev[:x] = v + 10
  begin
    Maglev.commit_transaction
    puts "no conflict"
  rescue Maglev::CommitFailedException => e
    puts e.class
    puts e.conflicts.size
    puts e.message.include?("PERSISTENT_ROOT")
    Maglev.abort_transaction
    Maglev[:x] = Maglev[:x] + 10
    Maglev.commit_transaction
  end
  p Maglev[:x]' "$fifo" "$MAGLEV_DATA/ready" &
  read -r _ <"$MAGLEV_DATA/ready"
  mrb 'Maglev[:x] = 5; Maglev.commit' >/dev/null
  echo go >"$fifo"
  wait)
expect "conflict raised, retry succeeds" "$out" $'Maglev::CommitFailedException\n1\ntrue\n15'
expect "CommitFailedException hierarchy" "$(mrb 'p Maglev::CommitFailedException.ancestors.take(3)')" "[Maglev::CommitFailedException, Maglev::MaglevException, StandardError]"
# the message says where each conflicting object hangs from the root
mrb 'Maglev[:users] = {"bob" => ["x"]}; Maglev.commit' >/dev/null
out=$("$MRUBY" -e '
  a = Maglev[:users]["bob"]
  system(ARGV[0], "-e", "Maglev[:users][%q(bob)] << 1; Maglev.commit")
  a << 2
  begin
    Maglev.commit_transaction
  rescue Maglev::CommitFailedException => e
    puts e.message
    p e.conflicts
  end' "$MRUBY")
expect "the conflict names the path from the root" "$out" 'commit failed: 1 write-write conflict with another commit: Array Maglev::PERSISTENT_ROOT[:users]["bob"] (oop '"$(mrb 'p Maglev[:users]["bob"].__id__' 2>/dev/null | tr -d '\n')"')
[["x", 2]]'
finish
