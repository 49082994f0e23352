#!/usr/bin/env bash
# A server whose threads all wait -- a TCPServer accept loop in the main
# thread, threads asleep, reading a socket, in Queue#pop, in
# ConditionVariable#wait, and threads that come and go -- ends promptly on
# SIGTERM / SIGINT as CRuby's does (the default handler raises in the main
# thread: ensure and at_exit run, then the process ends by the signal; a trap
# handler that calls exit ends it with that status), and a main thread that
# finishes while the others wait ends the program. Each case runs N times: a
# signal that lands while a thread ends, just before the scheduler waits, was
# lost once and the server slept on. The only timing is the hang guard.
. "$(dirname "$0")/lib.sh"
pg_skip "signals and green threads: nothing of the backend"
N=${THREAD_SIGNAL_RUNS:-12}
cat >"$MAGLEV_DATA/server.rb" <<'RB'
require "socket"
mode = ARGV[0]
$stdout.sync = true
at_exit { puts "at_exit" }
trap("INT", "DEFAULT")      # a background job of a shell starts with INT ignored
trap("TERM") { puts "trapped"; exit 3 } if mode == "trap"
server = TCPServer.new("127.0.0.1", 0)
client = TCPSocket.new("127.0.0.1", server.addr[1])
peer = server.accept
q = Queue.new
m = Mutex.new
cv = ConditionVariable.new
waiters = [
  Thread.new { sleep },
  Thread.new { sleep 1000 },
  Thread.new { peer.read(1) },
  Thread.new { IO.select([client]) },
  Thread.new { q.pop },
  Thread.new { m.synchronize { cv.wait(m) } },
]
# threads that come and go: the scheduler picks anew each time one ends
churn = Thread.new { loop { Thread.new { 2000.times { } }.join; sleep 0.001 } }
Thread.pass until waiters.all? { |t| t.status == "sleep" }
puts "ready"
if mode == "finish"
  sleep 0.01
  puts "main done"
else
  begin
    loop { server.accept.close }
  ensure
    puts "ensure"
  end
end
RB
# run MODE: starts the server, signals it (SIG, or none) once it is ready,
# and prints its output and exit status; "hang" when it does not end in 20 s
run() {
	local out=$MAGLEV_DATA/out.$1 pid i
	# emptied here, not by the background job's redirection: that runs in the
	# forked child, and under load the wait below could still find the last
	# run's "ready" and signal a process that has not set its trap yet (INT is
	# ignored in a background job until then, and the signal was lost)
	: >"$out"
	"$MRUBY" "$MAGLEV_DATA/server.rb" "$1" >"$out" 2>&1 &
	pid=$!
	for i in $(seq 400); do grep -q '^ready$' "$out" && break; kill -0 $pid 2>/dev/null || break; sleep 0.05; done
	[ -n "${2:-}" ] && kill -"$2" $pid
	for i in $(seq 400); do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
	if kill -0 $pid 2>/dev/null; then
		kill -9 $pid; wait $pid 2>/dev/null
		echo hang
		return
	fi
	wait $pid
	echo "status $?"
	grep -v '^ready$' "$out"
}
# check DESCRIPTION MODE SIG EXPECTED: N runs of MODE, each as EXPECTED
check() {
	local r k got=$4
	for k in $(seq "$N"); do
		r=$(run "$2" "$3" | sed 's/^.*: Interrupt$/...: Interrupt/' | grep -v '^	from ')
		[ "$r" != "$4" ] && { got="run $k of $N: $r"; break; }
	done
	expect "$1 ($N runs)" "$got" "$4"
}
check "SIGTERM, default: ensure and at_exit run, then the process ends by SIGTERM" default TERM $'status 143\nensure\nat_exit'
check "SIGINT, default: Interrupt in the main thread, reported" default INT $'status 130\nensure\nat_exit\n...: Interrupt'
check "SIGTERM, trapped: the handler runs in the main thread; its exit status" trap TERM $'status 3\ntrapped\nensure\nat_exit'
check "the main thread finishes while the others wait: the program ends" finish "" $'status 0\nmain done\nat_exit'

# a signal that comes during the program's last call (a C call: no safe point
# after it) still ends it by the signal -- it once ended with status 0 -- and
# -Mcommit does not commit what the signalled program did
out=$("$MRUBY" -e 'at_exit { puts "at_exit" }; system("kill -TERM #{$$}")'; echo "status $?")
expect "SIGTERM during the last call: at_exit, then the process ends by SIGTERM" "$out" $'at_exit\nstatus 143'
out=$("$MRUBY" -Mcommit -e 'Maglev[:signalled] = 1; system("kill -TERM #{$$}")'; echo "status $?"; mrb 'p Maglev[:signalled]')
expect "a program signalled in its last call is not committed by -Mcommit" "$out" $'status 143\nnil'
finish
