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
finish
