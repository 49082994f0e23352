#!/usr/bin/env bash
# Reaching an object that cannot persist raises TransactionError and writes nothing.
. "$(dirname "$0")/lib.sh"
out=$(mrb '
  class Transient; end
  Maglev[:ok] = 1
  Maglev[:bad] = [1, {io: Transient.new}]
  begin
    Maglev.commit_transaction
  rescue TransactionError => e
    p e.object.class
    puts e.message
  end')
expect "TransactionError names the object and path" "$out" $'Transient\ncannot commit Transient at Maglev::PERSISTENT_ROOT[:bad][1][:io]: its class was defined in transient mode'
expect "nothing was written" "$(mrb 'p Maglev[:ok]')" "nil"
# an object whose singleton methods are written in C (ENV) could not work
# where it is read: refused, while one with Ruby singleton methods persists
out=$(mrb '
  o = Object.new
  Maglev.persistent { def o.hi = :hi }
  Maglev[:o] = o
  Maglev[:env] = {vars: ENV}
  begin
    Maglev.commit_transaction
  rescue TransactionError => e
    p e.object.equal?(ENV)
    puts e.message
  end
  Maglev::PERSISTENT_ROOT.delete(:env)
  p Maglev.commit_transaction')
expect "ENV cannot persist" "$out" $'true\ncannot commit Object at Maglev::PERSISTENT_ROOT[:env][:vars]: its singleton methods are written in C (as ENV\'s are), so they could not be made again where it is read\ntrue'
expect "an object with Ruby singleton methods does" "$(mrb 'p Maglev[:o].hi, Maglev[:env]')" $':hi\nnil'
# a transient class or module that a commit reaches is named as Ruby names
# it, and so is a class the path starts from (not "Class at #<Class oop=N>")
expect "a transient superclass, included module and class in the root" "$(mrb '
  class Base; end; class Derived < Base; end; Derived.maglev_persistable
  module Local; end; Maglev.persistent { class Mixes; include Local; end }
  [[:d, Derived.new], [:m, Mixes.new], [:c, {k: Base}]].each do |key, v|
    Maglev[key] = v
    begin; Maglev.commit_transaction; rescue TransactionError => e; puts e.message; p e.object; end
    Maglev.abort_transaction
  end')" 'cannot commit class Base at Derived.superclass: it was defined in transient mode (classes persist when defined in Maglev.persistent)
Base
cannot commit module Local at Maglev::PERSISTENT_ROOT[:m].class.__maglev_definitions[:modules][0][1]: it was defined in transient mode (classes persist when defined in Maglev.persistent)
Local
cannot commit class Base at Maglev::PERSISTENT_ROOT[:c][:k]: it was defined in transient mode (classes persist when defined in Maglev.persistent)
Base'
# a path through a Proc names the captured variable as Ruby reads it; a long path is shortened
expect "a path through a Proc's captured variables" "$(mrb '
  class Transient2; end
  holder = { list: [1, Transient2.new] }
  pr = proc { holder }
  Maglev[:p] = { h: pr }
  begin; Maglev.commit_transaction; rescue TransactionError => e; puts e.message; end
  Maglev.abort_transaction
  p pr.binding.local_variable_get(:holder)[:list][1].class')" 'cannot commit Transient2 at Maglev::PERSISTENT_ROOT[:p][:h].binding.local_variable_get(:holder)[:list][1]: its class was defined in transient mode
Transient2'
expect "a 200,000-deep path is named by its ends" "$(mrb '
  class Transient3; end
  head = [Transient3.new]
  200_000.times { head = [head] }
  Maglev[:chain] = { deep: head }
  begin; Maglev.commit_transaction; rescue TransactionError => e; puts e.message; end')" 'cannot commit Transient3 at Maglev::PERSISTENT_ROOT[:chain][:deep][0][0][0][0][0][0][0][0][0][0]...(199979 steps)...[0][0][0][0][0][0][0][0][0][0][0][0]: its class was defined in transient mode'
finish
