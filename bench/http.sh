#!/usr/bin/env bash
# bench/http.sh -- requests per second of three tiny HTTP servers (bench/http/:
# raw TCPServer, WEBrick, Sinatra on WEBrick) under maglev and CRuby on loopback:
# with wrk (Debian's wrk: keep-alive connections) and with ab (apache2-utils: a
# new connection per request). Each server runs alone, one at a time.
#
#   bench/http.sh [--maglev PATH] [--ruby PATH] [-d SECS] [-c CONNS]
#
# WEBrick writes a response's header and body separately, so over keep-alive
# every request waits for a delayed ACK (~40 ms) under CRuby and maglev alike.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
RUBY=ruby
DUR=5
CONNS=4
while [ $# -gt 0 ]; do
    case "$1" in
        --maglev) MAGLEV=$2; shift 2 ;;
        --ruby)   RUBY=$2; shift 2 ;;
        -d)       DUR=$2; shift 2 ;;
        -c)       CONNS=$2; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/http.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
PORT=$((20000 + $$ % 20000))

rps() {   # rps INTERPRETER SERVER.rb wrk|ab -> requests/s
    local log pid r
    log=$(mktemp)
    "$1" "$ROOT/bench/http/$2" "$PORT" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
        sleep 0.1
    done
    if [ "$3" = wrk ]; then
        command -v wrk >/dev/null && r=$(wrk -t1 -c"$CONNS" -d"${DUR}s" "http://127.0.0.1:$PORT/" 2>&1 | awk '/Requests\/sec/ {print $2}')
    else
        command -v ab >/dev/null && r=$(timeout $((DUR * 4)) ab -q -t "$DUR" -n 1000000 -c "$CONNS" "http://127.0.0.1:$PORT/" 2>&1 | awk '/Requests per second/ {print $4}')
    fi
    kill "$pid" 2>/dev/null; sleep 0.2; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    rm -f "$log"
    PORT=$((PORT + 1))
    echo "${r:-failed}"
}

printf '%-10s %-16s %14s %14s\n' server load "maglev req/s" "CRuby req/s"
for s in raw webrick sinatra; do
    for tool in wrk ab; do
        m=$(rps "$MAGLEV" "$s.rb" "$tool")
        c=$(rps "$RUBY" "$s.rb" "$tool")
        [ "$tool" = wrk ] && what="wrk keep-alive" || what="ab new conns"
        printf '%-10s %-16s %14s %14s\n' "$s" "$what" "$m" "$c"
    done
done
