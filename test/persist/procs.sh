#!/usr/bin/env bash
# Procs and lambdas persist with their code, captured variables and self;
# procs that share variables keep sharing them; changes to captured
# variables commit; a persistent class's procs see its constants.
. "$(dirname "$0")/lib.sh"
mrb '
  base = 10
  Maglev[:add] = proc { |y| base + y }
  Maglev[:lam] = ->(a, b = 2, *r, k: 3) { [a, b, r, k, self.to_s] }
  Maglev[:sym] = :upcase.to_proc
  count = 0
  Maglev[:inc] = lambda { count += 1 }
  Maglev[:get] = proc { count }
  Maglev[:ret] = proc { return 1 }
  Maglev.persistent do
    class Hat
      RABBIT = "rabbit"
      def initialize(name) = @name = name
      def peeker = proc { "#{@name} holds a #{RABBIT}" }
    end
  end
  Maglev[:peek] = Hat.new("top hat").peeker
  Maglev[:ids] = [Maglev[:add].object_id, Maglev[:lam].object_id]
  Maglev.commit
  base = 20
  Maglev.commit' >/dev/null
expect "a proc keeps its captured variable (changed after the first commit)" "$(mrb 'p Maglev[:add].call(5), Maglev[:add].lambda?, Maglev[:add].arity')" $'25\nfalse\n1'
expect "a lambda keeps its parameters and top-level self" "$(mrb 'l = Maglev[:lam]; p l.call(1), l.call(1, 4, 5, k: 6), l.lambda?, l.arity, l.parameters')" \
  $'[1, 2, [], 3, "main"]\n[1, 4, [5], 6, "main"]\ntrue\n-2\n[[:req, :a], [:opt, :b], [:rest, :r], [:key, :k]]'
expect "a Symbol proc" "$(mrb 'p Maglev[:sym].call("abc")')" '"ABC"'
expect "procs keep their object ids" "$(mrb 'p [Maglev[:add].object_id, Maglev[:lam].object_id] == Maglev[:ids]')" "true"
mrb 'Maglev[:inc].call; Maglev[:inc].call; Maglev.commit' >/dev/null
expect "procs sharing a variable share it; its changes commit" "$(mrb 'p Maglev[:get].call, Maglev[:inc].call, Maglev[:get].call')" $'2\n3\n3'
expect "abort resets a captured variable" "$(mrb 'Maglev[:inc].call; Maglev.abort; p Maglev[:get].call')" "2"
expect "the hat trick: a persistent class, its instance and a proc" "$(mrb 'p Maglev[:peek].call')" '"top hat holds a rabbit"'
expect "return in a persistent proc has no method to return from" "$(mrb 'begin; Maglev[:ret].call; rescue LocalJumpError => e; p e.class; end')" "LocalJumpError"
expect "a method proc cannot persist" "$(mrb 'Maglev[:m] = method(:puts).to_proc
begin; Maglev.commit; rescue TransactionError => e; puts e.message; end')" \
  "cannot commit Proc at Maglev::PERSISTENT_ROOT[:m]: procs made from methods or C functions cannot be persisted"
finish
