#!/usr/bin/env bash
# The persistent $LOADED_FEATURES: a file required in persistent mode and
# committed is not loaded again by later processes (its code is in the
# repository) until Maglev.clear_persistent_LOADED_FEATURES and a commit.
# An autoload registered in persistent mode fires in later processes.
. "$(dirname "$0")/lib.sh"
lib="$MAGLEV_DATA/lib"
mkdir -p "$lib"
cat > "$lib/feat.rb" <<'RB'
puts "loading feat"
class Feat
  def hi = "hi from Feat"
end
RB
cat > "$lib/thing.rb" <<'RB'
puts "loading thing"
module Lazy
  class Thing
    def x = 42
  end
end
RB
expect "-Mcommit -r loads the file once" "$("$MRUBY" -Mcommit -I "$lib" -r feat -e 'p Feat.new.hi')" $'loading feat\n"hi from Feat"'
expect "a later require does not load it again" "$("$MRUBY" -I "$lib" -e 'p require("feat"); p Feat.new.hi; p $LOADED_FEATURES.any? { |f| f.end_with?("/feat.rb") }')" $'false\n"hi from Feat"\ntrue'
mrb 'Maglev.clear_persistent_LOADED_FEATURES; Maglev.commit' >/dev/null
expect "after clear_persistent_LOADED_FEATURES it loads again" "$("$MRUBY" -I "$lib" -e 'p require("feat")')" $'loading feat\ntrue'
mrb "Maglev.persistent { module Lazy; autoload :Thing, '$lib/thing.rb'; end }; Maglev.commit" >/dev/null
expect "a persistent autoload fires in a later process" "$(mrb 'p Lazy.autoload?(:Thing); p Lazy::Thing.new.x')" "\"$lib/thing.rb\"
loading thing
42"
expect "a transient autoload stays local" "$(mrb "module Lazy; autoload :Other, '$lib/none.rb'; end; Maglev.commit" ; mrb 'p Lazy.autoload?(:Other)')" "nil"
# the persistent $LOAD_PATH: recorded when a thread leaves persistent mode
# (and by -Mcommit), appended at start-up by later processes
mkdir -p "$MAGLEV_DATA/applib" "$MAGLEV_DATA/cmdlib"
echo 'APPLIB = :app' >"$MAGLEV_DATA/applib/applib.rb"
echo 'CMDLIB = :cmd' >"$MAGLEV_DATA/cmdlib/cmdlib.rb"
expect "a transient addition is not recorded" "$(mrb "\$LOAD_PATH << '$MAGLEV_DATA/nowhere'; Maglev.commit; p 1")" 1
mrb "Maglev.persistent { \$LOAD_PATH << '$MAGLEV_DATA/applib' }; Maglev.commit" >/dev/null
"$MRUBY" -Mcommit -I"$MAGLEV_DATA/cmdlib" -e 'require "cmdlib"'
expect "a later process starts with the recorded directories, after its own" \
	"$(mrb "p \$LOAD_PATH.index('$MAGLEV_DATA/applib') > \$LOAD_PATH.index('/usr/lib/ruby/3.1.0') rescue p \$LOAD_PATH; require 'applib'; p APPLIB, \$LOAD_PATH.include?('$MAGLEV_DATA/nowhere'), \$LOAD_PATH.count('$MAGLEV_DATA/applib')")" 'true
:app
false
1'
expect "-Mcommit records its -I directories (and its constant persisted)" "$(mrb "p \$LOAD_PATH.include?('$MAGLEV_DATA/cmdlib'), CMDLIB")" 'true
:cmd'
# entering Maglev.transient from persistent mode leaves it too (MagLev:
# "when the persistent mode transitions from true to false"): so a
# -Mpersistent program, whose main thread is never otherwise out of it, can
# record its directories
"$MRUBY" -Mpersistent -e "\$LOAD_PATH << '$MAGLEV_DATA/pmlib'; Maglev.transient { }; Maglev.commit"
"$MRUBY" -Mpersistent -e "\$LOAD_PATH << '$MAGLEV_DATA/pmlib2'; Maglev.commit"
expect "-Mpersistent: a Maglev.transient block records \$LOAD_PATH, a commit alone does not" \
	"$(mrb "p \$LOAD_PATH.include?('$MAGLEV_DATA/pmlib'), \$LOAD_PATH.include?('$MAGLEV_DATA/pmlib2')")" 'true
false'
finish
