#!/usr/bin/env bash
# PostgreSQL backend, two "hosts" that share nothing but the network: each is
# a network namespace of its own with a host cache of its own, reaching a
# private server over a veth pair (TCP, not the server's Unix socket). They
# see each other's commits, their concurrent increments of one counter and
# appends to one list retry on conflict and all land, the server restarts in
# the middle of the run, and every commit reported done is there afterwards,
# once.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: gems of two hosts on one PostgreSQL server"; exit 77; }
two_hosts two 213 214
expect "host a cannot reach host b's link (separate namespaces)" \
	"$(on a -rsocket -e 'begin; Socket.tcp("'"$HOST_B_SERVER"'", '"$PORT"', connect_timeout: 1); puts "reached"; rescue SystemCallError, IOError => e; puts "unreachable"; end')" "unreachable"
expect "host a commits" "$(on a -e 'Maglev[:n] = 0; Maglev[:log] = []; Maglev[:hello] = "from a"; p Maglev.commit')" "true"
expect "host b sees it" "$(on b -e 'p Maglev[:hello]')" '"from a"'
expect "host b commits, host a sees it" "$(on b -e 'Maglev[:hello] = "from b"; Maglev.commit' && on a -e 'p Maglev[:hello]')" '"from b"'

# two writers on each host; the server restarts while they run
half="$MAGLEV_DATA/half"; mkfifo "$half"
WRITER='
  host, k, half = ARGV
  done_log = File.open("#{ENV["MAGLEV_DATA"]}/done.#{k}", "w"); done_log.sync = true
  i, told = 0, false
  while i < 60
    if i == 30 && k == "a0" && !told
      File.write(half, "#{k}\n")              # the shell restarts the server now (it reads once)
      told = true
    end
    begin
      Maglev[:n] += 1
      Maglev[:log] << "#{k}:#{i}"
      Maglev.commit
      done_log.puts i
      i += 1
    rescue Maglev::CommitFailedException, StandardError => e
      # a conflict, or the server is restarting (then the abort may fail too:
      # the next round tries again)
      raise unless e.is_a?(Maglev::CommitFailedException) || e.message.include?("PostgreSQL")
      sleep 0.05 unless e.is_a?(Maglev::CommitFailedException)
      begin
        Maglev.abort_transaction
      rescue StandardError => e2
        raise unless e2.message.include?("PostgreSQL")
      end
    end
  end'
pids=
for k in a0 a1; do on a -e "$WRITER" a "$k" "$half" & pids="$pids $!"; done
for k in b0 b1; do on b -e "$WRITER" b "$k" "$half" & pids="$pids $!"; done
read -r _ <"$half"
"$ROOT/test/pg/server.sh" restart "$SRV"
rc=0
for p in $pids; do wait "$p" || rc=$?; done
expect "the four writers ran through the restart" "$rc" 0
expect "each reported its 60 commits done" "$(cat "$MAGLEV_DATA"/[ab]/done.* | wc -l)" 240
CHECK='n, log = Maglev[:n], Maglev[:log]
  per = log.group_by { |e| e[/\A\w+/] }.transform_values { |v| v.map { |e| e[/\d+\z/].to_i } }
  # a commit whose answer the restart cut off is looked for (pg_backend.c P10): none
  # lands twice, none is lost or reordered
  whole = per.keys.sort == %w[a0 a1 b0 b1] && per.values.all? { |v| v == (0...60).to_a }
  p [whole, n == log.size, n == 240]'
expect "host a sees every commit of both hosts, in order" "$(on a -e "$CHECK")" "[true, true, true]"
expect "so does host b" "$(on b -e "$CHECK")" "[true, true, true]"
expect "each host kept a cache of its own" "$(test -f "$MAGLEV_DATA/a/cache/data.mdb" && test -f "$MAGLEV_DATA/b/cache/data.mdb" && echo both)" "both"
finish
