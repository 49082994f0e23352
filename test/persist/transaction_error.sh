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
finish
