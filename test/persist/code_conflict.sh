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
finish
