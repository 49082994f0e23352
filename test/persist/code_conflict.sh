#!/usr/bin/env bash
# Two processes defining classes at the same time: a conflicting commit fails,
# and re-running the definitions after an abort commits them (retry loop).
. "$(dirname "$0")/lib.sh"
mrb 'Maglev.persistent { class Base; end }; Maglev.commit_transaction'
prog='
name = ARGV[0]
Maglev.abort_transaction
sleep 0.3
attempts = 0
begin
  attempts += 1
  Maglev.persistent do
    Object.class_eval "class #{name} < Base; def who = :#{name.downcase}; end"
  end
  Maglev.commit_transaction
rescue Maglev::CommitFailedException
  Maglev.abort_transaction
  retry if attempts < 20
end
p attempts >= 1'
cat > "$MAGLEV_DATA/define.rb" <<EOF2
$prog
EOF2
for n in Alpha Beta Gamma; do
	"$MRUBY" "$MAGLEV_DATA/define.rb" "$n" >"$MAGLEV_DATA/out.$n" &
done
wait
expect "every definer succeeded" "$(cat "$MAGLEV_DATA"/out.*)" 'true
true
true'
out=$(mrb 'p Alpha.new.who, Beta.new.who, Gamma.new.who, [Alpha, Beta, Gamma].map(&:superclass).uniq')
expect "all three classes are in the repository" "$out" ':alpha
:beta
:gamma
[Base]'
# the loser of a conflict on a class's definitions is told which class (once "Class (oop N)")
gem_start a
gem_start b
gem a 'Maglev.persistent { class Base; def one = 1; end }; nil' >/dev/null
gem b 'Maglev.persistent { class Base; def two = 2; end }; Maglev.commit' >/dev/null
expect "a conflict on a class names it" "$(gem a 'Maglev.commit')" \
	"Maglev::CommitFailedException: commit failed: 1 write-write conflict with another commit: class Base (oop $(gem b 'Base.__id__'))"
gem a 'Maglev.abort_transaction; nil' >/dev/null
gem b 'Maglev::System.write_lock(Base); Maglev::System.write_lock(Kernel)' >/dev/null
expect "so does a lock on it" "$(gem a 'Maglev::System.write_lock(Base)'; gem a 'Maglev::System.read_lock(Kernel)')" \
	"LockError: cannot write-lock class Base (oop $(gem b 'Base.__id__')): session $(gem b 'Maglev::System.session_id') holds a lock on it
LockError: cannot read-lock module Kernel (oop $(gem b 'Kernel.__id__')): session $(gem b 'Maglev::System.session_id') holds a write lock on it"
gem_stop a
gem_stop b
finish
