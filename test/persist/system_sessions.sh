#!/usr/bin/env bash
# Maglev::System session facts: ids unique among live sessions, a killed
# process's session recognised as dead and its id reclaimed, stone_name,
# getpid, session_temp per process.
. "$(dirname "$0")/lib.sh"
S='Maglev::System'
ready="$MAGLEV_DATA/ready"; go="$MAGLEV_DATA/go"
mkfifo "$ready" "$go"

# A holds its session open until the shell writes to $go.
"$MRUBY" -e "
  $S.session_temp_put(:mine, 42)
  File.write(ARGV[0], \"#{$S.session_id}\n\")
  File.read(ARGV[1])
  p $S.session_temp(:mine)" "$ready" "$go" >"$MAGLEV_DATA/a.out" &
apid=$!
read -r aid <"$ready"
expect "first session's id" "$aid" "1"
expect "a second live session gets another id, both are counted" \
	"$(mrb "p [$S.session_id, $S.session_count]")" "[2, 2]"
expect "session_names lists both live sessions" \
	"$(mrb "puts $S.session_names.lines.map { |l| l.split.first }.join(',')")" "1,2"
expect "session_names names the process" \
	"$(mrb "puts $S.session_names.lines.grep(/\(pid $apid\)/).size")" "1"
expect "session_temp is per process" "$(mrb "p $S.session_temp(:mine)")" "nil"
echo go >"$go"
wait "$apid"
expect "session_temp keeps its value in its process" "$(cat "$MAGLEV_DATA/a.out")" "42"
expect "an ended session is gone" "$(mrb "p [$S.session_id, $S.session_count]")" "[1, 1]"

# kill -9: the dead session is recognised and its id given again
# (a fifo each: a reader opening a fifo that a finished writer still holds
# open would read end-of-file)
mkfifo "$ready.k" "$ready.b"
"$MRUBY" -e "File.write(ARGV[0], \"#{$S.session_id}\n\"); sleep" "$ready.k" &
kpid=$!
read -r kid <"$ready.k"
"$MRUBY" -e "File.write(ARGV[0], \"#{$S.session_id}\n\"); File.read(ARGV[1])" "$ready.b" "$go" &
bpid=$!
read -r bid <"$ready.b"
expect "two live sessions" "$kid $bid" "1 2"
expect "maglev status lists them" "$("$ROOT/bin/maglev" status | grep '^gem session:' | cut -d' ' -f3-4 | tr '\n' ' ')" \
	"1 pid 2 pid "
kill -9 "$kpid"
wait "$kpid" 2>/dev/null
expect "a killed session no longer counts, its id is reclaimed" \
	"$(mrb "p [$S.session_count, $S.session_id]")" "[2, 1]"
echo go >"$go"
wait "$bpid"

expect "stone_name is MAGLEV_STONE" "$(mrb "p $S.stone_name")" '"test"'
expect "stone_name(true) is the repository's path" "$(mrb "puts $S.stone_name(true)")" "${MAGLEV_REPOSITORY:-$MAGLEV_DATA/test}"
expect "stone_name defaults to maglev" "$(MAGLEV_STONE= "$MRUBY" -e "p $S.stone_name")" '"maglev"'
expect "getpid" "$(mrb "p $S.getpid == Process.pid")" "true"
finish
