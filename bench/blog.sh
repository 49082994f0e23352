#!/usr/bin/env bash
# bench/blog.sh -- requests per second of the MagLev blog (examples/blog: Sinatra
# on WEBrick, each request in a transaction) under wrk on loopback, beside CRuby
# running the same app with Debian's sinatra. CRuby has no Maglev module: its run
# loads bench/blog/cruby/maglev_standin.rb, an in-memory stand-in (a Hash for
# PERSISTENT_ROOT, commits that do nothing), so CRuby's numbers carry no
# persistence cost at all while maglev's include a real transaction per request.
#
#   bench/blog.sh [--maglev PATH] [--ruby PATH] [-d SECS] [-c CONNS] [-n POSTS] [-o FILE]
#
# Loads: GET / (the post list of POSTS posts, sorted, rendered), GET /posts/1,
# POST /posts/1/comments (a commit per request on maglev). wrk sends
# "Connection: close": WEBrick writes a response's header and body separately,
# so over keep-alive every request would wait for a delayed ACK (~40 ms) under
# CRuby and maglev alike (bench/http.sh shows it).
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
RUBY=ruby
DUR=5 CONNS=4 POSTS=20 OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --maglev) MAGLEV=$2; shift 2 ;;
        --ruby)   RUBY=$2; shift 2 ;;
        -d)       DUR=$2; shift 2 ;;
        -c)       CONNS=$2; shift 2 ;;
        -n)       POSTS=$2; shift 2 ;;
        -o)       OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/blog.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$MAGLEV" in /*) ;; */*) MAGLEV="$PWD/$MAGLEV" ;; esac
command -v wrk >/dev/null || { echo "bench/blog.sh: wrk is not installed (Debian wrk)"; exit 0; }
command -v curl >/dev/null || { echo "bench/blog.sh: curl is not installed (Debian curl)"; exit 0; }
"$RUBY" -e 'require "sinatra/base"' 2>/dev/null || { echo "bench/blog.sh: CRuby has no sinatra (Debian ruby-sinatra)"; exit 0; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-blog-bench.XXXXXX")
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$TMP"' EXIT
APP=$ROOT/examples/blog/app.rb
PORT=$((20000 + $$ % 10000))   # below the ephemeral range, which wrk's closed connections fill with TIME-WAIT
cat >"$TMP/comment.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "author=wrk&text=a+comment"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA

start() {   # start ENGINE: the blog on $PORT, with POSTS posts; waits until it answers
    if [ "$1" = maglev ]; then
        MAGLEV_DATA=$TMP/data MAGLEV_STONE=blog "$MAGLEV" "$APP" -p "$PORT" -o 127.0.0.1 >"$TMP/$1.log" 2>&1 &
    else
        "$RUBY" -I "$ROOT/bench/blog/cruby" -r maglev_standin "$APP" -p "$PORT" -o 127.0.0.1 >"$TMP/$1.log" 2>&1 &
    fi
    PID=$!
    for _ in $(seq 200); do
        curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
        sleep 0.1
    done
    for ((i = 1; i <= POSTS; i++)); do
        curl -s -o /dev/null -d "title=Post $i" -d "body=The body of post $i" -d "tags=t$((i % 3)),bench" "http://127.0.0.1:$PORT/posts"
    done
}

stop() {
    kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=""
    PORT=$((PORT + 1))
}

rps() {   # rps PATH [LUA]: requests/s of wrk on PATH ("failed" when wrk saw errors only)
    local extra=() r
    [ $# -gt 1 ] && extra=(-s "$2")
    r=$(wrk -t1 -c"$CONNS" -d"${DUR}s" -H "Connection: close" "${extra[@]}" "http://127.0.0.1:$PORT$1" 2>&1 |
        awk '/Requests\/sec/ {print $2}')
    echo "${r:-failed}"
}

declare -A R
for e in maglev cruby; do
    start "$e"
    posts=$(curl -s "http://127.0.0.1:$PORT/" | grep -c '^<li>')
    R[$e,list]=$(rps /)
    R[$e,post]=$(rps /posts/1)
    R[$e,comment]=$(rps /posts/1/comments "$TMP/comment.lua")
    R[$e,posts]=$posts
    stop
done

ratio() { awk -v m="$1" -v c="$2" 'BEGIN { if (m + 0 > 0 && c + 0 > 0) printf "%.2f", m / c; else print "-" }'; }
report() {
    echo "The blog (examples/blog) under wrk -c$CONNS -d${DUR}s, Connection: close; $(date +%F), $(uname -m), $(nproc) cores, load avg $(cut -d" " -f1 /proc/loadavg); maglev $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null), $("$RUBY" -e "print RUBY_VERSION")"
    echo "maglev: a transaction per request on a real repository; CRuby: the in-memory stand-in (bench/blog/cruby)"
    printf '%-26s %14s %14s %16s\n' load "maglev req/s" "CRuby req/s" "maglev/CRuby"
    printf '%-26s %14s %14s %16s\n' "GET / (${R[maglev,posts]}/${R[cruby,posts]} posts)" "${R[maglev,list]}" "${R[cruby,list]}" "$(ratio "${R[maglev,list]}" "${R[cruby,list]}")"
    printf '%-26s %14s %14s %16s\n' "GET /posts/1" "${R[maglev,post]}" "${R[cruby,post]}" "$(ratio "${R[maglev,post]}" "${R[cruby,post]}")"
    printf '%-26s %14s %14s %16s\n' "POST /posts/1/comments" "${R[maglev,comment]}" "${R[cruby,comment]}" "$(ratio "${R[maglev,comment]}" "${R[cruby,comment]}")"
}
if [ -z "$OUT" ]; then
    mkdir -p "$ROOT/bench/results"
    OUT="$ROOT/bench/results/$(date +%F)-blog.txt"
fi
report | tee "$OUT"
echo "(written to ${OUT#"$ROOT"/})" >&2
