#!/usr/bin/env bash
# Change notification: a process's notify set, changed_objects (what other
# processes committed changes to, each told once, never its own commits),
# wait_for_change waking on another process's commit while other threads
# run, stop_notify, and the on_commit / on_abort hooks.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:a] = ["a"]; Maglev[:b] = {x: 1}; Maglev[:c] = "c"; Maglev.commit'
gem_start w
expect "watch two objects" "$(gem w 'Maglev.notify_on_change(Maglev[:a], Maglev[:b]); Maglev.notify_set.size')" 2
expect "nothing changed yet" "$(gem w 'Maglev.changed_objects')" '[]'
mrb 'Maglev[:a] << 1; Maglev[:c] << "d"; Maglev.commit'
expect "another process's commit is news; an unwatched object is not" "$(gem w 'Maglev.changed_objects')" '[["a"]]'
expect "told once" "$(gem w 'Maglev.changed_objects')" '[]'
expect "the view did not move" "$(gem w 'Maglev[:a]')" '["a"]'
expect "a change told is not told again at the boundary that shows it" \
	"$(gem w 'Maglev.abort_transaction; [Maglev[:a], Maglev.changed_objects]')" '[["a", 1], []]'
mrb 'Maglev[:b][:y] = 2; Maglev.commit'
expect "a change seen at a boundary is news too" \
	"$(gem w 'Maglev.abort_transaction; Maglev.changed_objects')" '[{:x=>1, :y=>2}]'
expect "own commits are never news" \
	"$(gem w 'Maglev[:a] << 2; Maglev.commit; Maglev.changed_objects')" '[]'
expect "wait_for_change times out when nothing changes" "$(gem w 'Maglev.wait_for_change(0.2)')" false

# a waiter wakes when another process commits; its other thread runs meanwhile
"$MRUBY" -e '
  b = Maglev[:b]
  Maglev.notify_on_change(b)
  ticks = 0
  t = Thread.new { loop { ticks += 1; sleep 0.01 } }
  File.write(ARGV[0], "waiting")
  woke = Maglev.wait_for_change(60)
  t.kill
  p woke, Maglev.changed_objects.map(&:class), ticks > 0' "$MAGLEV_DATA/waiting" >"$MAGLEV_DATA/waiter.out" &
waiter=$!
i=0; while [ ! -s "$MAGLEV_DATA/waiting" ] && [ $i -lt 3000 ]; do sleep 0.02; i=$((i + 1)); done
mrb 'Maglev[:b][:z] = 3; Maglev.commit'
wait "$waiter"
expect "wait_for_change wakes on the commit, other threads ran" "$(cat "$MAGLEV_DATA/waiter.out")" 'true
[Hash]
true'

expect "stop_notify" "$(gem w 'Maglev.abort; Maglev.changed_objects; Maglev.stop_notify(Maglev[:b]); Maglev.notify_set.size')" 1
mrb 'Maglev[:b][:w] = 4; Maglev.commit'
expect "a stopped object is no news" "$(gem w 'Maglev.changed_objects')" '[]'
gem_stop w

expect "on_commit and on_abort run after the boundaries" "$(mrb '
  Maglev.on_commit { |info| puts "commit #{info[:written]} #{info[:sequence].is_a?(Integer)}" }
  Maglev.on_abort { puts "abort" }
  Maglev[:d] = [1]
  Maglev.commit_transaction
  Maglev::System.commit_transaction
  Maglev.abort_transaction
  Maglev.begin_nested_transaction
  Maglev[:d] << 2
  Maglev.commit_transaction
  puts "nested commit: no hook"
  Maglev.commit_transaction')" 'commit 2 true
commit 0 true
abort
nested commit: no hook
commit 1 true'
expect "a hook needs a block" "$(mrb 'begin; Maglev.on_commit; rescue ArgumentError => e; puts e.message; end')" 'Maglev.on_commit needs a block'
expect "immediates cannot be watched" "$(mrb 'begin; Maglev.notify_on_change(1); rescue ArgumentError => e; puts e.message; end')" '1 is not an object that can change (immediate values never do)'
finish
