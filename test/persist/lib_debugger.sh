#!/usr/bin/env bash
# maglev/debugger: an exception that leaves Maglev::Debugger.debug is saved
# with its frames and locals in the ObjectLog, committed and raised again;
# other processes list and inspect it.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
cat >"$D/app.rb" <<'RUBY'
require 'maglev/debugger'
class Order
  def initialize(id) = @id = id
  def inspect = "#<Order #{@id}>"
  def total(qty)
    price = nil
    qty * price
  end
end
def handle(id)
  order = Order.new(id)
  [1].map { |n| order.total(n + 2) }
end
Maglev::PERSISTENT_ROOT[:pending] = :saved_with_the_entry
Maglev::Debugger.debug { handle(17) }
RUBY
"$MRUBY" "$D/app.rb" >"$D/out" 2>"$D/err"
expect "the exception is raised again: the program ends with it" "$? $(head -1 "$D/err")" \
	"1 $D/app.rb:7:in \`*': nil can't be coerced into Integer (TypeError)"
expect "a second process that requires nothing finds the entry in the log" \
	"$(mrb 'l = Maglev::PERSISTENT_ROOT[:ObjectLog]; p l.size, l[0].class, l[0].priority, l[0].label, l[0].exception_class, l[0].pid.is_a?(Integer), Maglev::PERSISTENT_ROOT[:pending]')" '1
DebuggerLogEntry
2
"TypeError: nil can'"'"'t be coerced into Integer"
"TypeError"
true
:saved_with_the_entry'
expect "frames from the raise outwards, with their locals (inspected)" "$(mrb '
  require "maglev/debugger"
  e = Maglev::Debugger.last
  p e.frames.map { |f| [f[:method], File.basename(f[:file]), f[:line]] }
  p e.locals(0), e.locals(1), e.locals(2).keys, e.frames.map { |f| f[:self] }, e.backtrace.size > 3, ObjectLog.errors.size, Maglev::Debugger.entries.size
  puts e.report.lines[2..3]')" "[[\"total\", \"app.rb\", 7], [\"block in handle\", \"app.rb\", 12], [\"handle\", \"app.rb\", 12], [\"block in <main>\", \"app.rb\", 15], [\"<main>\", \"app.rb\", 15]]
{\"qty\"=>\"3\", \"price\"=>\"nil\"}
{\"n\"=>\"1\", \"id\"=>\"17\", \"order\"=>\"#<Order 17>\"}
[\"id\", \"order\"]
[\"#<Order 17>\", \"main\", \"main\", \"main\", \"main\"]
true
1
1
  #0  $D/app.rb:7:in \`total' (self: #<Order 17>)
        qty = 3"
expect "debug answers the block's value" "$(mrb 'require "maglev/debugger"
  begin; Maglev::Debugger.debug(false) { raise ArgumentError, "not saved" }; rescue ArgumentError; end
  p Maglev::Debugger.debug { :value }')" :value
expect "with commit = false the entry is not committed" \
	"$(mrb 'require "maglev/debugger"; p Maglev::Debugger.entries.map(&:exception_class)')" '["TypeError"]'
# the program's own changes conflict with another process's commit: the entry alone is committed
mrb 'Maglev::PERSISTENT_ROOT[:acct] = [100]; Maglev.commit_transaction'
mrb "require 'maglev/debugger'
  a = Maglev::PERSISTENT_ROOT[:acct]
  a[0] -= 10
  system('$MRUBY', '-e', 'Maglev::PERSISTENT_ROOT[:acct][0] = 0; Maglev.commit_transaction')
  begin; Maglev::Debugger.debug { raise IOError, 'lost' }; rescue IOError; end" 2>&1
expect "a conflicting program change is dropped, the entry committed" \
	"$(mrb 'require "maglev/debugger"; p Maglev::PERSISTENT_ROOT[:acct], Maglev::Debugger.entries.map(&:label)')" '[0]
["TypeError: nil can'"'"'t be coerced into Integer", "IOError: lost"]'
mrb 'require "maglev/debugger"
  class Local; end                          # transient: an instance of it cannot be committed
  Maglev::PERSISTENT_ROOT[:bad] = Local.new
  begin; Maglev::Debugger.debug { raise RangeError, "kept" }; rescue => e; p e.class; end
  p Maglev::PERSISTENT_ROOT.key?(:bad)' >"$D/bad" 2>&1
expect "a program change that cannot persist is dropped, the entry committed, the exception raised" \
	"$(cat "$D/bad"; mrb 'require "maglev/debugger"; p Maglev::Debugger.last.label, Maglev::PERSISTENT_ROOT.key?(:bad)')" 'RangeError
false
"RangeError: kept"
false'
"$MRUBY" -e 'require "maglev/debugger"; Maglev::Debugger.debug_on_error
  def lookup(h, k) = h.fetch(k)
  lookup({ a: 1 }, :b)' 2>/dev/null
expect "debug_on_error saves the exception that ends the program" "$? $(mrb '
  require "maglev/debugger"; e = Maglev::Debugger.last
  p e.exception_class, e.frames[0][:method], e.locals(0)')" '1 "KeyError"
"lookup"
{"h"=>"{:a=>1}", "k"=>":b"}'
"$MRUBY" -e 'require "maglev/debugger"; Maglev::Debugger.debug_on_error; exit 3'
expect "but not an exit" "$? $(mrb 'require "maglev/debugger"; p Maglev::Debugger.entries.size')" '3 4'
# MagLev's save_exception: the pending transaction is aborted (with a
# warning), and only the entry is committed
expect "save_exception discards the transaction and commits the entry alone" "$(mrb 'require "maglev/debugger"
  Maglev::PERSISTENT_ROOT[:dropped] = 1
  e = (raise ArgumentError, "kept" rescue $!)
  $stderr = $stdout
  entry = Maglev::Debugger.save_exception(e)
  p entry.class, entry.exception_message, Maglev::System.needs_commit')$(mrb 'p Maglev::PERSISTENT_ROOT[:dropped], Maglev::PERSISTENT_ROOT[:ObjectLog].to_a.last.exception_message')" 'Saving exception to ObjectLog, discarding transaction
DebuggerLogEntry
"kept"
falsenil
"kept"'
finish
