#!/usr/bin/env bash
# Module#transient_const_set (a constant each process computes afresh: a
# Mutex in a persistent class) and Module#maglev_nil_references (references
# to a module are written as nil; never persistable).
. "$(dirname "$0")/lib.sh"
expect "the defining process gets the value at once" "$(mrb '
Maglev.persistent do
  class Service
    transient_const_set(:LOCK) { Mutex.new }
    transient_const_set("BORN") { Process.pid }
    def self.guarded = LOCK.synchronize { :done }
  end
end
p Service::LOCK.class, Service::BORN == Process.pid
Maglev.commit_transaction')" 'Thread::Mutex
true'
expect "another process computes its own" "$(mrb 'p Service::LOCK.class, Service::LOCK.locked?, Service.guarded, Service::BORN == Process.pid, Service.constants.sort')" 'Thread::Mutex
false
:done
true
[:BORN, :LOCK]'
expect "the value never reaches the repository" "$(mrb 'Maglev[:lock] = Service::LOCK; begin; Maglev.commit; rescue TransactionError => e; p e.object.class; end')" 'Thread::Mutex'
expect "a block is required" "$(mrb 'begin; Object.transient_const_set(:X); rescue ArgumentError => e; puts e.message; end')" 'transient_const_set needs a block computing the value'

expect "references to a nil-references module are written as nil" "$(mrb '
module Helpers; maglev_nil_references; end
p Helpers.maglev_nil_references?
Maglev[:refs] = [Helpers, 1, {Helpers => :h}]
Maglev.commit_transaction
p Maglev[:refs][0].equal?(Helpers)')" 'true
true'
expect "another process reads nil" "$(mrb 'p Maglev[:refs]')" '[nil, 1, {nil=>:h}]'
expect "it cannot be persistable, and a persistable module cannot take it" "$(mrb '
module Helpers; maglev_nil_references; end
begin; Helpers.maglev_persistable; rescue ArgumentError => e; puts e.message; end
Maglev.persistent { module Kept; end }
begin; Kept.maglev_nil_references; rescue ArgumentError => e; puts e.message; end
p Helpers.maglev_nil_references(false), Helpers.maglev_nil_references?')" 'Helpers has maglev_nil_references: it cannot be persistable
Kept is persistable: references to it cannot be written as nil
false
false'
# reinclude_store / redo_include: a module that is not persistable is
# included again by name in a later process
cat >"$MAGLEV_DATA/helpers.rb" <<'RB'
module Greeting; def hello = "hello from #{self.class}"; end
module Counting; def count_me = 42; end
RB
expect "reinclude_store includes now" "$(mrb "
require '$MAGLEV_DATA/helpers'
Maglev.persistent { class Shelf; reinclude_store(Greeting); reextend_store(Counting); end }
p Shelf.new.hello, Shelf.count_me
Maglev.commit_transaction")" '"hello from Shelf"
42'
expect "a later process: not included until redo" "$(mrb "
require '$MAGLEV_DATA/helpers'
p Shelf.include?(Greeting)
Shelf.redo_include_and_extend
p Shelf.new.hello, Shelf.count_me, Shelf.ancestors.take(2)")" 'false
"hello from Shelf"
42
[Shelf, Greeting]'
expect "redo_include needs the module defined" "$(mrb 'begin; Shelf.redo_include; rescue NameError => e; puts e.message; end')" 'uninitialized constant Greeting'
finish
