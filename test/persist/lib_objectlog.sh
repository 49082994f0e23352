#!/usr/bin/env bash
# maglev/objectlog: entries made and committed by four processes at once
# (none lost, none conflicting), listed by level, deleted and trimmed from
# other processes.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
ol() { mrb "require 'maglev/objectlog'; $1"; }
# in a fresh repository (no log yet), four processes add entries at the
# same time, each committing after each entry
for w in 1 2 3 4; do
	ol "File.write('$D/ready$w', '')
	    sleep 0.01 until File.exist?('$D/go')
	    10.times do |i|
	      ObjectLogEntry.send(i.even? ? :info : :error, 'w$w-' + i.to_s, [$w, i]).add_to_log
	      Maglev.commit_transaction
	    end
	    puts 'done'" >"$D/out$w" 2>&1 &
done
while [ ! -e "$D/ready1" ] || [ ! -e "$D/ready2" ] || [ ! -e "$D/ready3" ] || [ ! -e "$D/ready4" ]; do sleep 0.01; done
touch "$D/go"
wait
expect "every writer committed every entry without a conflict" "$(cat "$D/out1" "$D/out2" "$D/out3" "$D/out4")" 'done
done
done
done'
expect "an entry's fields" "$(ol '
  e = ObjectLogEntry.warn("disk low", { free: 3 })
  p e.class, e.priority, e.priority_name, e.label, e.object, e.pid == Process.pid, e.timestamp.class, e.stamp.class
  p (Time.now - e.timestamp).abs < 60, e.tagged?, e.warn?, e.error?, e.add_to_log.equal?(e)
  p ObjectLogEntry.object_log.class, ObjectLogEntry.object_log.size
  p %i[trace debug info warn error fatal].map { |l| ObjectLogEntry.send(l, "m").priority }
  e.tag = :keep; p e.tagged?
  begin; ObjectLogEntry.new("x", nil, 7); rescue ArgumentError => x; puts x.message; end')" 'ObjectLogEntry
3
:warn
"disk low"
{:free=>3}
true
Time
DateAndTime
true
false
true
false
true
OrderedCollection
41
[6, 5, 4, 3, 2, 1]
true
priority 7 is not one of 1..6'
expect "an entry not committed is not in the log of the next process" "$(ol 'p ObjectLog.size')" 40
expect "a fifth process lists all 40 entries, each writer's in its order" "$(ol '
  p ObjectLog.size, ObjectLog.to_a.map(&:pid).uniq.size
  p (1..4).map { |w| ObjectLog.select { |e| e.object[0] == w }.map { |e| e.object[1] } == (0...10).to_a }
  p ObjectLog.errors.size, ObjectLog.infos.size, ObjectLog.warns, ObjectLog.errors.all?(&:error?)
  p ObjectLog.errors.map(&:label).grep(/\Aw1-/)')" '40
4
[true, true, true, true]
20
20
[]
true
["w1-1", "w1-3", "w1-5", "w1-7", "w1-9"]'
ol 'ObjectLog.delete(ObjectLog.find { |e| e.label == "w2-4" })'
expect "delete commits the removal" "$(ol 'p ObjectLog.size, ObjectLog.any? { |e| e.label == "w2-4" }')" '39
false'
# a reader that aborts sees an entry another process committed after it looked
mrb "require 'maglev/objectlog'
  p ObjectLog.fatals.size
  system('$MRUBY', '-e', 'require \"maglev/objectlog\"; ObjectLogEntry.fatal(\"late\").add_to_log; Maglev.commit_transaction')
  p ObjectLog.fatals.size, ObjectLog.fatals(true).map(&:label)" >"$D/late"
expect "fatals(true) aborts first and sees the newest commit" "$(cat "$D/late")" '0
0
["late"]'
before=$(ol 'p ObjectLog.map(&:label)[-3..]')
expect "trim answers the oldest entries it removed" "$(ol 'p ObjectLog.trim(3).size')" 37
expect "and keeps the newest" "$(ol 'p ObjectLog.map(&:label)')" "$before"
expect "the newest is the last one added" "$(ol 'p ObjectLog.to_a.last.label')" '"late"'
ol 'ObjectLog.delete_all'
expect "delete_all empties it" "$(ol 'p ObjectLog.size')" 0
# in another fresh repository: a process with uncommitted changes makes the
# log; it goes with that process's commit
fresh_repository dirty
expect "the log made by a process with uncommitted changes" "$(ol '
  Maglev::PERSISTENT_ROOT[:x] = 1
  ObjectLogEntry.info("first").add_to_log
  system(ENV["MAGLEV_RUBY"] || "'"$MRUBY"'", "-e", "p Maglev::PERSISTENT_ROOT.key?(:ObjectLog)")
  Maglev.commit_transaction')
$(ol 'p Maglev::PERSISTENT_ROOT[:x], ObjectLog.map(&:label)')" 'false
1
["first"]'
# MagLev's ObjectLogEntry.debug_level (GemStone's `debug`): the priority that
# ObjectLogEntry.debug gives
expect "debug_level is the debug entries' priority" "$(ol 'p ObjectLogEntry.debug_level, ObjectLogEntry.debug("d").priority == ObjectLogEntry.debug_level')" '5
true'
finish
