#!/usr/bin/env bash
# bench/rc.sh -- reduced-conflict classes under contention: P processes each
# make N commits of one increment of a shared counter (an RCCounter, whose
# conflicts are replayed inside commit, against a plain Integer in the root,
# retried by abort + redo), and of one push to a shared RCQueue. Prints
# commits per second, conflicts (replayed or retried) and failed commits.
#
#   bench/rc.sh [--maglev PATH] [-n N] [-p P]
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
N=500 P=4
while [ $# -gt 0 ]; do
    case "$1" in
        --maglev) MAGLEV=$2; shift 2 ;;
        -n) N=$2; shift 2 ;;
        -p) P=$2; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/rc.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-rc.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export MAGLEV_DATA=$TMP MAGLEV_STONE=rc

run() { # NAME SETUP BODY: BODY is one transaction's work, `f` counts failed commits, `r` retries
    rm -rf "${TMP:?}/rc" "$TMP"/out.*
    "$MAGLEV" -e "$2; Maglev.commit"
    local start end
    start=$(date +%s.%N)
    for i in $(seq 1 "$P"); do
        "$MAGLEV" -e "f = 0; r = 0; $N.times { $3 }; File.write('$TMP/out.$i', \"#{r + Maglev.__rc_replays} #{f}\\n\")" &
    done
    wait
    end=$(date +%s.%N)
    cat "$TMP"/out.* | awk -v name="$1" -v n=$((N * P)) -v t="$(echo "$end - $start" | bc -l)" \
        '{ c += $1; f += $2 } END { printf "%-28s %8.0f %10d %8d\n", name, n / t, c, f }'
}

printf "%-28s %8s %10s %8s\n" "$P processes x $N commits" "commits/s" "conflicts" "failed"
COMMIT='begin; Maglev.commit; rescue Maglev::CommitFailedException; f += 1; Maglev.abort; end'
run "RCCounter#increment" 'Maglev[:c] = RCCounter.new' "Maglev[:c].increment; $COMMIT"
run "Integer counter, retried" 'Maglev[:c] = 0' \
    'begin; Maglev[:c] += 1; Maglev.commit; rescue Maglev::CommitFailedException; r += 1; Maglev.abort; retry; end'
run "RCQueue#push" 'Maglev[:q] = RCQueue.new' "Maglev[:q] << 1; $COMMIT"
run "Array#push, retried" 'Maglev[:q] = []' \
    'begin; Maglev[:q] << 1; Maglev.commit; rescue Maglev::CommitFailedException; r += 1; Maglev.abort; retry; end'
