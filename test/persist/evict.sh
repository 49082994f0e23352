#!/usr/bin/env bash
# Under a memory cap (--max-memory, MAGLEV_MAX_MEMORY) clean persistent
# objects are evicted and read again when touched: a walk of a repository
# larger than the cap gives the same answers, changes made during the walk
# commit (captured variables too), and iteration by C methods (each) over persistent collections
# stays correct while eviction runs under it.
. "$(dirname "$0")/lib.sh"
mrb '
  head = nil
  200_000.times { |i| head = [head, i, "node #{i} " + "x" * 100] }
  Maglev[:chain] = head
  h = {}
  50_000.times { |i| h["k#{i}"] = "v" * (i % 200) }
  Maglev[:h] = h
  Maglev[:list] = Array.new(50_000) { |i| [i, "e" * 150] }
  Maglev.commit' >/dev/null
walk='n = 0; len = 0; c = Maglev[:chain]; while c; n += c[1]; len += c[2].size; c = c[0]; end'
expect "a walk under a 16 MB cap" "$("$MRUBY" --max-memory=16M -e "$walk; p n, len, Maglev.__evicted > 0")" $'19999900000\n22288890\ntrue'
expect "the same walk without a cap" "$(mrb "$walk; p n, len, Maglev.__evicted")" $'19999900000\n22288890\n0'
expect "MAGLEV_MAX_MEMORY sets the cap" "$(MAGLEV_MAX_MEMORY=16M "$MRUBY" -e "$walk; p Maglev.__evicted > 0")" "true"
"$MRUBY" --max-memory=16M -e '
  c = Maglev[:chain]
  while c
    c[1] = -c[1] if c[1] % 1000 == 0
    c = c[0]
  end
  Maglev.commit' >/dev/null
expect "changes made while evicting commit" "$(mrb 'c = Maglev[:chain]; s = 0; while c; s += c[1]; c = c[0]; end; p s')" "19960100000"
expect "Hash#each and Array#each over persistent data under a cap" "$("$MRUBY" --max-memory=16M -e '
  t = 0; Maglev[:h].each { |k, v| t += v.size + k.size; "y" * 200 }
  u = 0; Maglev[:list].each { |i, s| u += i + s.size; [s] * 3 }
  m = Maglev[:list].map { |i, s| s.size }.sum
  p t, u, m')" $'5263890\n1257475000\n7500000'
# Captured variables change without a write barrier: an Env changed by a
# persistent Proc stays once the Procs are evicted (persist_fuzz.rb found it)
mrb 'def pair(v) = [-> { v }, ->(n) { v = n }]
  Maglev[:pairs] = Array.new(3000) { |i| pair(i) }; Maglev.commit' >/dev/null
expect "changed captured variables survive eviction" "$("$MRUBY" --max-memory=4M -e '
  Maglev[:pairs].each { |(_g, s)| s.call(-1) }
  junk = Array.new(200_000) { "y" * 50 }
  p Maglev[:pairs].count { |(g, _s)| g.call != -1 }
  Maglev[:pairs].each { |(_g, s)| s.call(-2) }
  junk = Array.new(200_000) { "z" * 50 }
  Maglev.commit')" 0
expect "and commit" "$(mrb 'p Maglev[:pairs].count { |(g, _s)| g.call != -2 }')" 0
expect "a bad size is refused" "$("$MRUBY" --max-memory=lots -e 1 2>&1; echo "exit $?")" \
  $'maglev-ruby: invalid memory size lots (at least 4M, e.g. --max-memory=64M) (RuntimeError)\nexit 1'
finish
