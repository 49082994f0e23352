#!/usr/bin/env bash
# Maglev.persistent / Maglev.transient: values, nesting, restoring the mode on
# any exit; -Mpersistent, -Mcommit and MAGLEV_OPTS.
. "$(dirname "$0")/lib.sh"
out=$(mrb '
p Maglev.persistent?, Maglev.transient?
r = Maglev.persistent do
  a = Maglev.persistent?
  b = Maglev.transient { [Maglev.transient?, Maglev.persistent { Maglev.persistent? }, Maglev.transient?] }
  [a, b, Maglev.persistent?]
end
p r, Maglev.persistent?
begin
  Maglev.persistent { Maglev.transient { raise "boom" } }
rescue => e
  p e.message, Maglev.transient?
end
p(Maglev.persistent { catch(:out) { Maglev.transient { throw :out, Maglev.transient? } } }, Maglev.transient?)
def leave_early = Maglev.persistent { return Maglev.persistent? }
p leave_early, Maglev.persistent?
p((Maglev.persistent { break :broke }), Maglev.persistent?)
begin
  Maglev.persistent
rescue LocalJumpError => e
  p e.class
end')
expect "modes nest, return the block value and are restored on every exit" "$out" 'false
true
[true, [true, true, true], true]
false
"boom"
true
true
true
true
false
:broke
false
LocalJumpError'
out=$(mrb '
Maglev.persistent do
  t = Thread.new { [Maglev.persistent?, Maglev.persistent { Thread.pass; Maglev.persistent? }, Maglev.persistent?] }
  Thread.pass
  p Maglev.persistent?, t.value, Maglev.persistent?
end
p Maglev.persistent?')
expect "the mode belongs to the thread; new threads start transient" "$out" 'true
[false, true, false]
true
false'
# a fiber keeps its own mode: one that yields inside Maglev.persistent (an
# Enumerator's each, read with next) leaves its resumer in the resumer's
# mode, so what the resumer then defines stays transient; a new fiber starts
# in the mode of the fiber that first runs it
out=$(mrb '
e = Enumerator.new { |y| Maglev.persistent { y << Maglev.persistent?; y << Maglev.persistent? } }
p e.next, Maglev.persistent?
class AfterNext; end
f = Fiber.new { Maglev.persistent { Fiber.yield(:yielded); class InFiber; end; Maglev.persistent? } }
p f.resume, Maglev.persistent?, f.resume, Maglev.persistent?
p Maglev.persistent { Fiber.new { Maglev.persistent? }.resume }, Fiber.new { Maglev.persistent? }.resume
Maglev[:classes] = [InFiber]
Maglev.commit
p AfterNext.maglev_persistable?, e.next, Maglev.persistent?')
expect "the mode belongs to the fiber" "$out" 'true
false
:yielded
false
true
false
true
false
false
true
false'
expect "the class defined in the fiber's persistent block persisted, the resumer's did not" \
	"$(mrb 'p Maglev[:classes], defined?(AfterNext)')" '[InFiber]
nil'
out=$("$MRUBY" -Mpersistent -e 'p Maglev.persistent?; class Lamp; def on = :on; end')
expect "-Mpersistent starts in persistent mode" "$out" "true"
expect "-Mpersistent does not commit" "$(mrb 'p defined?(Lamp)')" "nil"
out=$(MAGLEV_OPTS="-Mpersistent" "$MRUBY" -e 'p Maglev.persistent?')
expect "MAGLEV_OPTS switches are read" "$out" "true"
out=$("$MRUBY" -Mcommit -e 'class Lamp; def on = :on; end; LAMPS = [Lamp.new]; p Maglev.persistent?')
expect "-Mcommit runs in persistent mode" "$out" "true"
expect "-Mcommit commits a program that ends normally" "$(mrb 'p Lamp.new.on, LAMPS.size, LAMPS[0].on')" ':on
1
:on'
# `exit` with a success status is a normal end; a failure status, abort and
# exit! are not
"$MRUBY" -Mcommit -e 'class ByExit; end; Maglev[:by] = [:exit]; exit'
"$MRUBY" -Mcommit -e 'Maglev[:by] << :exit_true; exit true'
"$MRUBY" -Mcommit -e 'Maglev[:by] << :exit_0; exit 0'
"$MRUBY" -Mcommit -e 'Maglev[:by] << :exit_1; exit 1'
"$MRUBY" -Mcommit -e 'Maglev[:by] << :exit_false; exit false'
"$MRUBY" -Mcommit -e 'Maglev[:by] << :abort; abort' 2>/dev/null
"$MRUBY" -Mcommit -e 'Maglev[:by] << :exit_bang; exit!'
expect "-Mcommit commits a program that ends by a successful exit" "$(mrb 'p defined?(ByExit), Maglev[:by]')" '"constant"
[:exit, :exit_true, :exit_0]'
expect "its exit status stays" "$("$MRUBY" -Mcommit -e 'exit 0'; echo $?)$("$MRUBY" -Mcommit -e 'Maglev[:t] = Thread.current; exit' 2>/dev/null; echo $?)" "01"
"$MRUBY" -Mcommit -e 'class Broken; end; raise "no"' 2>/dev/null
expect "-Mcommit exits non-zero on an uncaught exception" "$?" "1"
expect "-Mcommit does not commit after an uncaught exception" "$(mrb 'p defined?(Broken)')" "nil"
cat > "$MAGLEV_DATA/lib_for_r.rb" <<'RB'
class FromLib
  def where = :lib
end
RB
"$MRUBY" -Mcommit -I "$MAGLEV_DATA" -r lib_for_r -e 'class FromE; end'
expect "-Mcommit covers -r libraries and -e" "$(mrb 'p FromLib.new.where, defined?(FromE)')" ':lib
"constant"'
out=$(mrb '
class Transient; end
Maglev.persistent { class Transient; def m; end; end }
Maglev[:t] = Transient.new
begin
  Maglev.commit_transaction
rescue TransactionError => e
  p e.object.class
end
Maglev.abort_transaction
Maglev[:mproc] = method(:puts).to_proc
begin
  Maglev.commit_transaction
rescue TransactionError => e
  p e.object.class
end')
mrb 'Maglev.persistent { class Later; end; Later.send(:define_method, :blk) { 1 } }
Maglev[:later] = Later.new
Maglev.commit_transaction' 
expect "instances of transient classes (even re-opened in persistent mode) and unpersistable procs raise TransactionError" "$out" 'Transient
Proc'
expect "a method defined with define_method and a block persists" "$(mrb 'p Maglev[:later].blk')" "1"
finish
