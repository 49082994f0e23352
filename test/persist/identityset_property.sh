#!/usr/bin/env bash
# IdentitySet queries agree with a full scan on random data: two processes
# at once run thousands of random operations on one indexed set (adds,
# removes, changes of indexed instance variables along one- and two-step
# paths, commits, aborts, conflicts retried by aborting); after every
# commit and abort each compares the indexed answers of random queries with
# a full scan's, and at the end a third process checks every index tree.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
OPS=${ISET_OPS:-2000}
mrb '
Maglev.persistent do
  class Rec; attr_accessor :k, :s, :ref; end
  class Sub; attr_accessor :v; end
end
set = IdentitySet.new
rng = Random.new(1)
60.times { r = Rec.new; r.k = rng.rand(40); r.s = "s#{rng.rand(30)}"; r.ref = Sub.new; r.ref.v = rng.rand(20); set << r }
set.create_equality_index("k", Integer)
set.create_equality_index("s", String)
set.create_equality_index([:ref, :v], Integer)
set.create_identity_index("ref")
Maglev[:set] = set
Maglev[:subs] = set.map(&:ref)
Maglev.commit_transaction'
cat >"$D/worker.rb" <<'RUBY'
w = Integer(ARGV[0]); ops = Integer(ARGV[1]); dir = ARGV[2]
rng = Random.new(100 + w)
set = Maglev[:set]
stats = Hash.new(0)
check = lambda do
  4.times do
    q = case rng.rand(6)
        when 0 then [:k, %i[equal not_equal eql not_eql lt lte gt gte].sample(random: rng), rng.rand(45)]
        when 1 then [:s, %i[eql not_eql lt gte].sample(random: rng), "s#{rng.rand(30)}"]
        when 2 then ["ref.v", %i[eql lt lte gt gte].sample(random: rng), rng.rand(25)]
        when 3 then [:ref, :equal, set.to_a.sample(random: rng)&.ref]
        when 4 then [:between, rng.rand(40), rng.rand(40)]
        else [:range, rng.rand(40), rng.rand(40)]
        end
    got, want = case q[0]
                when :between then [set.search_between(:k, q[1], q[2]), set.search_by_scan(:k, :gte, q[1]) & set.search_by_scan(:k, :lte, q[2])]
                when :range then [set.search_range("k", q[1]...q[2]), set.search_by_scan(:k, :gte, q[1]) & set.search_by_scan(:k, :lt, q[2])]
                else [set.search(*q), set.search_by_scan(*q)]
                end
    stats[:queries] += 1
    unless got == want
      stats[:mismatches] += 1
      warn "mismatch #{q.inspect}: #{got.size} vs #{want.size}" if stats[:mismatches] < 5
    end
  end
end
File.write("#{dir}/ready#{w}", "")
sleep 0.01 until File.exist?("#{dir}/go")
ops.times do
  members = set.to_a
  m = members.sample(random: rng)
  case rng.rand(100)
  when 0...20
    r = Rec.new; r.k = rng.rand(40); r.s = "s#{rng.rand(30)}"
    r.ref = rng.rand(2) == 0 && m ? m.ref : Sub.new
    r.ref.v ||= rng.rand(20)
    set << r
  when 20...30 then set.delete(m) if m
  when 30...45 then m.k = rng.rand(40) if m
  when 45...55 then m.s = "s#{rng.rand(30)}" if m
  when 55...65 then m.ref.v = rng.rand(20) if m
  when 65...70 then (m.ref = Sub.new; m.ref.v = rng.rand(20)) if m
  when 70...90
    begin
      Maglev.commit_transaction
      stats[:commits] += 1
    rescue Maglev::CommitFailedException
      stats[:conflicts] += 1
      Maglev.abort_transaction
    end
    check.call
  else
    Maglev.abort_transaction
    stats[:aborts] += 1
    check.call
  end
end
begin
  Maglev.commit_transaction
rescue Maglev::CommitFailedException
  Maglev.abort_transaction
end
check.call
File.write("#{dir}/stats#{w}", stats.inspect)
puts "worker #{w}: #{stats[:mismatches]} mismatches in #{stats[:queries] > 100 ? 'over 100' : stats[:queries]} queries"
RUBY
"$MRUBY" "$D/worker.rb" 1 "$OPS" "$D" >"$D/out1" &
"$MRUBY" "$D/worker.rb" 2 "$OPS" "$D" >"$D/out2" &
while [ ! -e "$D/ready1" ] || [ ! -e "$D/ready2" ]; do sleep 0.01; done
touch "$D/go"
wait
expect "two workers: indexed answers equal a full scan's after every commit and abort" "$(cat "$D/out1" "$D/out2")" \
	'worker 1: 0 mismatches in over 100 queries
worker 2: 0 mismatches in over 100 queries'
expect "both workers committed and aborted many times" "$("$MRUBY" -e '
  st = [1, 2].map { |w| eval(File.read("'"$D"'/stats#{w}")) }
  p st.all? { |s| s[:commits] > 10 && s[:aborts] > 0 }')" 'true'
expect "a third process: every index holds each member once, under its current value" "$(mrb '
  set = Maglev[:set]
  p set.__verify
  q = [[:k, :lt, 20], [:s, :gte, "s15"], ["ref.v", :eql, 7], [:k, :not_eql, 3]]
  p q.all? { |a| set.search(*a) == set.search_by_scan(*a) }
  p set.size == set.to_a.size, set.size > 60')" '[]
true
true
true'
finish
