#!/usr/bin/env bash
# maglev-ruby beside CRuby (the specification) on what gems rely on: RUBYOPT,
# RUBYLIB, -S, --disable-gems, `bundle exec` under a Gemfile naming installed gems
# (offline: `bundle install --local` writes the lock), and a C-extension gem that
# fails with a LoadError naming the gem.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-gems.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
checks=0 fails=0
expect() {
	checks=$((checks + 1))
	if [ "$2" == "$3" ]; then echo "ok - $1"; else
		fails=$((fails + 1)); echo "not ok - $1"; echo "  expected: $3"; echo "  actual:   $2"; fi
}
expect_match() {
	checks=$((checks + 1))
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then echo "ok - $1"; else
		fails=$((fails + 1)); echo "not ok - $1"; echo "  expected a match of: $3"; printf '%s\n' "$2" | head -n 10 | sed 's/^/  actual: /'; fi
}
# both RUBY... : stdout of CRuby and of maglev-ruby (stderr dropped: concurrent-ruby
# warns on stderr about an engine it does not know)
both() { C=$("$@" 2>/dev/null); shift; M=$("$MRUBY" "$@" 2>/dev/null); }
cd "$TMP" || exit 1
mkdir lib1 lib2
echo 'puts "one loaded"' > lib1/mg_one.rb
echo 'puts "two loaded"' > lib2/mg_two.rb

both ruby -e 'p $VERBOSE'; expect "no RUBYOPT" "$M" "$C"
export RUBYOPT="-w -I$TMP/lib1 -rmg_one"
both ruby -e 'p $VERBOSE; p $LOAD_PATH.first'; expect "RUBYOPT -w -I -r" "$M" "$C"
export RUBYOPT="-e 1"
C=$(ruby -e 1 2>&1); CR=$?; M=$("$MRUBY" -e 1 2>&1); MR=$?
expect "RUBYOPT -e is refused" "$MR" "$CR"
expect_match "RUBYOPT -e: the message" "$M" "invalid switch in RUBYOPT: -e \(RuntimeError\)"
unset RUBYOPT
export RUBYLIB="$TMP/lib1:$TMP/lib2"
both ruby -Irel -e 'require "mg_two"; p $LOAD_PATH.first(3).map { _1.sub(Dir.pwd, ".") }'
expect "RUBYLIB after -I" "$M" "$C"
unset RUBYLIB
both ruby --disable-gems -e 'p defined?(Gem); p respond_to?(:gem, true); begin; require "thor"; rescue LoadError; p :no_thor; end'
expect "--disable-gems" "$M" "$C"
both ruby --disable=gems -e 'p defined?(Gem)'; expect "--disable=gems" "$M" "$C"
both ruby -e 'p defined?(Gem::Version) ? :gem : :none; require "thor"; p Gem.loaded_specs.key?("thor")'
expect "gems enabled by default" "$M" "$C"
printf '#!/bin/sh\necho not ruby\n' > lib2/mg_not_on_path
printf 'puts "found on PATH: #{File.basename(__FILE__)}"\n' > lib2/mg_script_on_path
C=$(PATH="$TMP/lib2:$PATH" ruby -S mg_script_on_path 2>&1); M=$(PATH="$TMP/lib2:$PATH" "$MRUBY" -S mg_script_on_path 2>&1)
expect "-S finds the script on PATH" "$M" "$C"
both ruby -S rspec --version; expect "-S rspec --version" "$M" "$C"

# a C extension gem: a LoadError that names the gem, never a crash
M=$("$MRUBY" -e 'begin; require "sqlite3"; rescue LoadError => e; puts e.message; end' 2>&1); MR=$?
expect "require sqlite3 exits normally" "$MR" 0
expect_match "sqlite3's LoadError names the gem" "$M" "C extension of the sqlite3 gem"
M=$("$MRUBY" -e 'require "sqlite3"' 2>&1); MR=$?
expect "uncaught: exit status 1" "$MR" 1
expect_match "uncaught: LoadError" "$M" "sqlite3_native.*\(LoadError\)$"

# bundle exec of a script under a Gemfile naming installed gems
mkdir app && cd app || exit 1
cat > Gemfile <<'G'
source "https://rubygems.org"
gem "thor"
gem "tzinfo"
G
cat > script.rb <<'R'
require "thor"
require "tzinfo"
p defined?(Bundler::VERSION) ? :bundled : :plain
p %w[concurrent-ruby thor tzinfo rspec-core].map { |g| Gem.loaded_specs.key?(g) }
p TZInfo::Timezone.get("Europe/Paris").utc_to_local(Time.utc(2024, 7, 1, 12)).hour
begin
  gem "rspec-core"
rescue Gem::LoadError => e
  p e.class
end
R
HOME=$TMP bundle install --local >install.log 2>&1
expect "bundle install --local" "$?" 0
expect_match "Gemfile.lock names tzinfo" "$(cat Gemfile.lock 2>/dev/null)" "^    tzinfo \("
C=$(HOME=$TMP bundle exec ruby script.rb 2>/dev/null)
M=$(HOME=$TMP bundle exec "$MRUBY" script.rb 2>/dev/null)
expect "bundle exec maglev-ruby script.rb (CRuby's bundle)" "$M" "$C"
M=$(HOME=$TMP "$MRUBY" -S bundle exec "$MRUBY" script.rb 2>/dev/null)
expect "bundle exec under maglev-ruby" "$M" "$C"
M=$(HOME=$TMP RUBYOPT=-rbundler/setup "$MRUBY" script.rb 2>/dev/null)
expect "RUBYOPT=-rbundler/setup" "$M" "$C"

# maglev-rake: rake run by maglev-ruby, beside CRuby's rake on the same Rakefile
mkdir rk
printf 'task :default => :greet\ntask(:greet) { puts "greet #{[1, 2].sum}" }\ndesc "shown"\ntask(:shown) { }\n' >rk/Rakefile
C=$(cd rk && rake 2>&1; rake -T 2>&1)
M=$(cd rk && "$ROOT/bin/maglev-rake" 2>&1; "$ROOT/bin/maglev-rake" -T 2>&1)
expect "maglev-rake runs a Rakefile as rake does" "$M" "$C"
expect "maglev-rake runs on maglev" "$(cd rk && "$ROOT/bin/maglev-rake" -e 'puts RUBY_ENGINE' 2>&1)" maglev

# -W0: $VERBOSE nil, warn and warnings print nothing (stderr kept here)
for o in -W0 -W1 -W -w; do
	C=$(ruby $o -e 'p $VERBOSE; warn "w"; $stderr.puts "e"' 2>&1)
	M=$("$MRUBY" $o -e 'p $VERBOSE; warn "w"; $stderr.puts "e"' 2>&1)
	expect "$o and \$VERBOSE, warn" "$M" "$C"
done

# minitest runs the tests of a seed in CRuby's order (Random is CRuby's MT19937)
cat >mt_order.rb <<'RB'
require "minitest/autorun"
class T < Minitest::Test
  %w[a b c d e f g h].each { |n| define_method("test_#{n}") { puts n } }
end
RB
C=$(ruby mt_order.rb --seed 4242 2>&1 | grep -oE '^\.?[a-h]$' | tr -d . | tr '\n' ' ')
M=$("$MRUBY" mt_order.rb --seed 4242 2>&1 | grep -oE '^\.?[a-h]$' | tr -d . | tr '\n' ' ')
expect "minitest --seed 4242 runs in CRuby's order" "$M" "$C"

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
