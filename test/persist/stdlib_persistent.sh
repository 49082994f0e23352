#!/usr/bin/env bash
# Standard libraries loaded in persistent mode (-Mcommit) and used by later
# processes that do not read their source again ($LOADED_FEATURES persists):
# what each library did to classes at load time must be in the repository.
# Expected outputs are CRuby 3.1's for the same calls in one process.
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/app.rb" <<'RUBY'
require "singleton"
class Single; include Singleton; attr_accessor :v; end
Single.instance.v = 4
Maglev[:single] = Single.instance
RUBY
out=$(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit app.rb 2>&1; echo "exit $?")
expect "-Mcommit of an application that requires the libraries" "$out" "exit 0"
expect "singleton: new and allocate stay private (a visibility change of an inherited C method)" \
  "$(mrb 'p Maglev[:single].v, (Single.new rescue $!.class), (Single.allocate rescue $!.class), Single.instance.equal?(Single.instance)')" \
  '4
NoMethodError
NoMethodError
true'
finish
