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
# a deep object's path is named by its ends
mrb 'head = [0]; 30_000.times { head = [head] }; Maglev[:deep] = head; Maglev.commit' >/dev/null
out=$("$MRUBY" -e '
  x = Maglev[:deep]; x = x[0] while x[0].is_a?(Array)
  system(ARGV[0], "-e", "x = Maglev[:deep]; x = x[0] while x[0].is_a?(Array); x[0] = 2; Maglev.commit")
  x[0] = 1
  begin; Maglev.commit_transaction; rescue Maglev::CommitFailedException => e; puts e.message.sub(/ \(oop \d+\)/, ""); end' "$MRUBY")
expect "a deep conflict's path is shortened" "$out" 'commit failed: 1 write-write conflict with another commit: Array Maglev::PERSISTENT_ROOT[:deep][0][0][0][0][0][0][0][0][0][0][0]...(29977 steps)...[0][0][0][0][0][0][0][0][0][0][0][0]'
finish
