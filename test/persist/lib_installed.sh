#!/usr/bin/env bash
# The section-9 libraries installed as persistent code (`maglev-ruby -Mcommit
# -e "require ..."`, as MagLev applications install their code): later
# processes, whose require of them is then satisfied by the repository, and
# processes that require nothing, use them.
. "$(dirname "$0")/lib.sh"
LIBS='%w[orderedcollection dateandtime objectlog method_source ruby_compiler debugger].each { |l| require "maglev/" + l }'
"$MRUBY" -Mcommit -e "$LIBS"
expect "installing all six commits" "$?" 0
expect "a later process's require loads no file" "$(mrb "$LIBS"'; p $LOADED_FEATURES.grep(%r{maglev/(orderedcollection|objectlog)}).size')" 2
expect "every library works there" "$(mrb "$LIBS"'
  o = OrderedCollection[1, 2]; o << 3; o.add_first(0); p o.to_a, o.remove_last
  p DateAndTime.new(2026, 1, 2, 3, 4, 5, "+02:00"), Time.at(0).utc.as_date_and_time.year
  ObjectLogEntry.warn("w", [1]).add_to_log; Maglev.commit_transaction; p ObjectLog.warns.map(&:label), ObjectLogEntry.info("i").info?
  p OrderedCollection.method_source(:add_first)[0].lines.first, OrderedCollection.instance_method(:add).source.lines.size > 1
  p RubyCompiler.new.compile("[__FILE__, 6 * 7]", "f.rb")
  def boom(v) = v.fetch(:x)
  begin; Maglev::Debugger.debug { boom({}) }; rescue KeyError => e; p e.class; end
  p Maglev::Debugger.last.locals(0), Maglev::Debugger.entries.size')" '[0, 1, 2, 3]
3
#<DateAndTime 2026-01-02T03:04:05+02:00>
1970
["w"]
true
"def add_first(value)\n"
true
["f.rb", 42]
KeyError
{"v"=>"{}"}
1'
expect "a process that requires nothing finds the classes and modules" "$(mrb '
  p ObjectLog.size, ObjectLog.to_a.map(&:class), OrderedCollection.new.empty?, DateAndTime.at(60).minute, RubyCompiler.new.compile("1 + 1")
  p Maglev::Debugger.entries.map(&:exception_class)
  begin; Array.method_source(:sum); rescue ArgumentError => e; p e; end')" '2
[ObjectLogEntry, DebuggerLogEntry]
true
1
2
["KeyError"]
#<ArgumentError: Array#sum is a primitive: it has no Ruby source>'
finish
