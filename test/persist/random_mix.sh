#!/usr/bin/env bash
# Three processes at once make seeded random changes to one shared graph
# (appends, deletes, shuffles, Hash entries, a 1,000+-element Array, nested
# transactions committed or aborted, Sets, Regexps, GC) and commit, abort, or
# retry after a conflict; one runs under a 16 MB memory cap. Afterwards every
# node is sound, each process finished its rounds, repository GC frees the
# dropped objects and the repository checks sound. (What conflicts depends on
# the scheduling; what is checked does not.)
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/mix.rb" <<'RUBY'
rng = Random.new(Integer(ARGV[0]))
require "set"
Maglev.persistent { class Node; attr_accessor :v, :kids, :meta; def initialize(v) = (@v = v; @kids = []; @meta = {}); end } unless defined?(Node)
Maglev[:pool] ||= []
begin; Maglev.commit; rescue Maglev::CommitFailedException; Maglev.abort_transaction; end
rounds = 0
250.times do
  pool = Maglev[:pool]
  rng.rand(1..6).times do
    case rng.rand(14)
    when 0 then pool << Node.new(rng.rand(1000))
    when 1 then (n = pool.sample(random: rng)) && n.kids << Node.new(rng.rand(100))
    when 2 then (n = pool.sample(random: rng)) && n.meta[rng.rand(10)] = [rng.rand, "s" * rng.rand(50)]
    when 3 then pool.delete_at(rng.rand(pool.size)) if pool.size > 5
    when 4 then pool.shuffle!(random: rng)
    when 5 then (n = pool.sample(random: rng)) && n.kids.clear
    when 6 then (n = pool.sample(random: rng)) && n.v = "str#{rng.rand(9)}" * rng.rand(30)
    when 7 then (Maglev[:h] ||= {})[rng.rand(200)] = pool.sample(random: rng)
    when 8 then Maglev[:h]&.delete(rng.rand(200))
    when 9 then Maglev[:big] = Array.new(rng.rand(2000)) { |i| i.even? ? i : [i] }
    when 10
      Maglev.begin_nested_transaction
      pool << Node.new(-1); (n = pool.sample(random: rng)) && n.v = :nested
      rng.rand(2) == 0 ? Maglev.commit_transaction : Maglev.abort_transaction
    when 11 then (x = Maglev[:big]) && !x.empty? && x[rng.rand(x.size)] = :changed
    when 12 then GC.start if rng.rand(10) == 0
    when 13 then Maglev[:s] = Set.new(pool.first(5)); Maglev[:re] = /x#{rng.rand(9)}/
    end
  end
  if rng.rand(5) == 0
    Maglev.abort_transaction
  else
    begin
      Maglev.commit_transaction
    rescue Maglev::CommitFailedException
      Maglev.abort_transaction
    end
  end
  Maglev[:pool].each { |n| raise "a bad node: #{n.inspect[0, 80]}" unless Node === n && (Integer === n.v || String === n.v || n.v == :nested) }
  rounds += 1
end
puts rounds
RUBY
"$MRUBY" "$MAGLEV_DATA/mix.rb" 0 >/dev/null || exit 1
out=$( ("$MRUBY" "$MAGLEV_DATA/mix.rb" 1 & "$MRUBY" "$MAGLEV_DATA/mix.rb" 2 & "$MRUBY" --max-memory=16M "$MAGLEV_DATA/mix.rb" 3 & wait) 2>&1)
expect "each process ran its rounds" "$(echo "$out" | sort | uniq -c | sed 's/^ *//')" "3 250"
expect "what is left is sound" "$(mrb 'require "set"; p Maglev[:pool].all? { |n| Node === n && n.kids.all?(Node) && Hash === n.meta }, (Maglev[:h] || {}).values.compact.all?(Node), Set === Maglev[:s], Regexp === Maglev[:re]')" \
  $'true\ntrue\ntrue\ntrue'
gc=$("$ROOT/bin/maglev" gc test 2>&1)
expect "repository GC frees what was dropped" "$(echo "$gc" | grep -oE 'freed [0-9]+ records' | awk '{ print ($2 > 0) ? "some" : "none" }')" "some"
expect "check: the repository is sound" "$("$ROOT/bin/maglev" check test 2>&1 | tail -1)" "stone 'test' is ok"
expect "and reads back after the GC" "$(mrb 'p Maglev[:pool].sum { |n| n.kids.size } >= 0, Maglev[:pool].map(&:v).all? { Integer === _1 || String === _1 || _1 == :nested }')" $'true\ntrue'
finish
