#!/usr/bin/env bash
# maglev-irb on a terminal (a tmux pane): line editing (backspace), history
# recall with the up arrow, history kept across sessions, and a commit made
# interactively. Each key is sent once the pane shows the prompt it answers.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "skip: tmux is not installed"; exit 0; }
IRB=${MAGLEV_IRB:-$ROOT/bin/maglev-irb}
export HOME=$TMP/home
mkdir -p "$HOME"
SOCK=$TMP/tmux.sock
T="tmux -S $SOCK"

screen() { $T capture-pane -p -t irb | sed 's/[[:space:]]*$//' | grep -v '^$'; }
# wait_for N: until the pane shows the prompt irb(main):00N:0>
wait_for() {
	for _ in $(seq 300); do
		screen | grep -q "irb(main):00$1:0> *\$" && return 0
		sleep 0.05
	done
	echo "timed out waiting for prompt $1"; screen; return 1
}
start() {
	$T new-session -d -s irb -x 100 -y 40 "env MAGLEV_DATA='$MAGLEV_DATA' HOME='$HOME' TERM=xterm '$IRB'"
}

start
wait_for 1 && $T send-keys -t irb '1 + 2' Enter
wait_for 2 && $T send-keys -t irb Up Enter
wait_for 3 && $T send-keys -t irb '4 * 55' BSpace Enter
wait_for 4 && $T send-keys -t irb 'Maglev[:typed] = :at_a_terminal' Enter
wait_for 5 && $T send-keys -t irb 'Maglev.commit' Enter
wait_for 6
expect "evaluates, recalls the previous line, edits, commits" "$(screen)" "irb(main):001:0> 1 + 2
=> 3
irb(main):002:0> 1 + 2
=> 3
irb(main):003:0> 4 * 5
=> 20
irb(main):004:0> Maglev[:typed] = :at_a_terminal
=> :at_a_terminal
irb(main):005:0> Maglev.commit
=> true
irb(main):006:0>"
$T send-keys -t irb 'exit' Enter
for _ in $(seq 100); do $T has-session -t irb 2>/dev/null || break; sleep 0.05; done
expect "the commit reached the repository" "$("$MRUBY" -e 'p Maglev[:typed]')" ":at_a_terminal"
start
wait_for 1 && $T send-keys -t irb Up Up Up Enter
wait_for 2
expect "history survives the session" "$(screen | tail -3)" "irb(main):001:0> Maglev[:typed] = :at_a_terminal
=> :at_a_terminal
irb(main):002:0>"
$T kill-server 2>/dev/null
finish
