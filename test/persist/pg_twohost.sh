#!/usr/bin/env bash
# PostgreSQL backend, two "hosts" that share nothing but the network: each is
# a network namespace of its own with a host cache of its own, reaching a
# private server over a veth pair (TCP, not the server's Unix socket). They
# see each other's commits, their concurrent increments of one counter and
# appends to one list retry on conflict and all land, the server restarts in
# the middle of the run, and every commit reported done is there afterwards.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: gems of two hosts on one PostgreSQL server"; exit 77; }
[ "$(id -u)" -eq 0 ] && command -v ip >/dev/null && command -v unshare >/dev/null ||
	{ echo "needs root and iproute2 to make network namespaces (run as root)"; exit 77; }
tag=mg$(($$ % 100000))
net=$((10 + $$ % 240))                       # 10.213.NET.x and 10.214.NET.x: the two links
ip netns add "${tag}a" 2>/dev/null || { echo "cannot make network namespaces here (no CAP_SYS_ADMIN?)"; exit 77; }
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pg2host.XXXXXX")
cleanup() {
	"$ROOT/test/pg/server.sh" stop "$SRV" 2>/dev/null
	ip link del "${tag}a0" 2>/dev/null; ip link del "${tag}b0" 2>/dev/null
	ip netns del "${tag}a" 2>/dev/null; ip netns del "${tag}b" 2>/dev/null
	rm -rf "$MAGLEV_DATA"
}
trap cleanup EXIT
ip netns add "${tag}b" || exit 1
# link h (a or b) at 10.OCT.NET.1 (this side, the server) -- 10.OCT.NET.2 (the host)
link() {
	ip link add "${tag}${1}0" type veth peer name "${tag}${1}1" &&
		ip link set "${tag}${1}1" netns "$tag$1" &&
		ip addr add "10.$2.$net.1/30" dev "${tag}${1}0" && ip link set "${tag}${1}0" up &&
		ip netns exec "$tag$1" ip addr add "10.$2.$net.2/30" dev "${tag}${1}1" &&
		ip netns exec "$tag$1" ip link set "${tag}${1}1" up &&
		ip netns exec "$tag$1" ip link set lo up
}
link a 213 && link b 214 || { echo "could not wire the veth pairs"; exit 1; }
PORT=$((20000 + $$ % 20000))
URL=$(MAGLEV_PG_LISTEN="10.213.$net.1,10.214.$net.1" MAGLEV_PG_PORT=$PORT MAGLEV_PG_HBA="10.0.0.0/8" \
	"$ROOT/test/pg/server.sh" start "$SRV") || exit 1
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/postgres" -c "CREATE DATABASE two" || exit 1
unset MAGLEV_REPOSITORY
# on HOST (a or b): maglev-ruby ARGS..., over TCP, with that host's cache and data folder
on() {
	local h=$1 oct=213
	shift
	[ "$h" = b ] && oct=214
	mkdir -p "$MAGLEV_DATA/$h"
	ip netns exec "$tag$h" env MAGLEV_DATA="$MAGLEV_DATA/$h" MAGLEV_CACHE_DIR="$MAGLEV_DATA/$h/cache" \
		MAGLEV_REPOSITORY="postgresql://maglev@10.$oct.$net.1:$PORT/two" "$MRUBY" "$@"
}
expect "host a cannot reach host b's link (separate namespaces)" \
	"$(on a -rsocket -e 'begin; Socket.tcp("10.214.'"$net"'.1", '"$PORT"', connect_timeout: 1); puts "reached"; rescue SystemCallError, IOError => e; puts "unreachable"; end')" "unreachable"
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
  # a commit whose answer the restart cut off may have landed and then been retried: that
  # entry repeats, once at most; anything else (lost, reordered) shows up here
  whole = per.keys.sort == %w[a0 a1 b0 b1] && per.values.all? { |v| v.chunk_while { |x, y| x == y }.map(&:first) == (0...60).to_a }
  p [whole, n == log.size, n >= 240]'
expect "host a sees every commit of both hosts, in order" "$(on a -e "$CHECK")" "[true, true, true]"
expect "so does host b" "$(on b -e "$CHECK")" "[true, true, true]"
expect "each host kept a cache of its own" "$(test -f "$MAGLEV_DATA/a/cache/data.mdb" && test -f "$MAGLEV_DATA/b/cache/data.mdb" && echo both)" "both"
finish
