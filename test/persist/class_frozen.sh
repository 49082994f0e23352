#!/usr/bin/env bash
# A class frozen in persistent mode is frozen in later processes (after its
# methods are in again: its instances work, new definitions raise
# FrozenError); frozen in transient mode, as other transient-mode changes to
# a class, only in this process
. "$(dirname "$0")/lib.sh"
expect "classes committed, one frozen before its first commit" "$(mrb '
Maglev.persistent { class FA; def a = 1; end; class FB; def b = 2; end; class FT; end; FA.freeze }
Maglev[:c] = [FA, FB, FT]
p Maglev.commit')" "true"
expect "one frozen later in persistent mode, one in transient mode" \
	"$(mrb 'p [FA.frozen?, FB.frozen?]; Maglev.persistent { FB.freeze }; FT.freeze; p Maglev.commit')" '[true, false]
true'
expect "a later process: frozen as committed, methods there" \
	"$(mrb 'p [FA.frozen?, FB.frozen?, FT.frozen?, FA.new.a, FB.new.b]
begin; FB.class_eval { def c; end }; rescue FrozenError => e; puts e.message; end')" "[true, true, false, 1, 2]
can't modify frozen class: FB"
finish
