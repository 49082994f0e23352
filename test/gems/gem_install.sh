#!/usr/bin/env bash
# maglev-gem: RubyGems' gem command on maglev. The test writes a tiny gem (a
# library and an executable), builds it with `maglev-gem build`, installs the
# .gem with `maglev-gem install --local` into a temporary GEM_HOME, requires it
# from maglev-ruby, runs its executable, lists it, runs it under `bundle exec`
# (beside CRuby's run of the same script) and uninstalls it.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
MGEM=$ROOT/bin/maglev-gem
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-gem.XXXXXX")
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
export HOME=$TMP   # no ~/.gemrc, no user gem directory of the machine
cd "$TMP" || exit 1

# maglev's own gem directory comes first, Debian's follow
M=$("$MRUBY" -e 'puts Gem.dir; puts Gem.path.include?("/usr/share/rubygems-integration/all")')
expect "Gem.dir is maglev's gem directory" "$M" "$ROOT/gems/3.1.0
true"
M=$("$MGEM" list 2>&1)
expect_match "maglev-gem list: Debian's gems" "$M" "^thor \("
expect_match "maglev-gem list: default gems" "$M" "^json \(default: "

mkdir -p tinygem/lib tinygem/exe && cd tinygem || exit 1
cat > lib/tinygem.rb <<'R'
module TinyGem
  VERSION = "1.0.0"
  def self.hello(name) = "hello, #{name}"
end
R
cat > exe/tinygem <<'R'
#!/usr/bin/env ruby
require "tinygem"
puts "#{TinyGem.hello(ARGV.first || "world")} from #{RUBY_ENGINE}"
R
chmod +x exe/tinygem
cat > tinygem.gemspec <<'R'
Gem::Specification.new do |s|
  s.name = "tinygem"
  s.version = "1.0.0"
  s.summary = "A tiny gem built by maglev's test"
  s.authors = ["maglev"]
  s.homepage = "https://example.invalid/tinygem"
  s.license = "MIT"
  s.files = ["lib/tinygem.rb", "exe/tinygem"]
  s.bindir = "exe"
  s.executables = ["tinygem"]
end
R
M=$("$MGEM" build tinygem.gemspec 2>&1)
expect_match "maglev-gem build" "$M" "Successfully built RubyGem"
expect "the .gem file" "$(ls ./*.gem)" "./tinygem-1.0.0.gem"
cd "$TMP" || exit 1
# CRuby's RubyGems reads the package maglev wrote as the one CRuby builds
cp -r tinygem tinygem-cruby && rm tinygem-cruby/*.gem
(cd tinygem-cruby && ruby -S gem build tinygem.gemspec >/dev/null 2>&1)
for field in name version files executables summary; do
	C=$(ruby -S gem spec tinygem-cruby/tinygem-1.0.0.gem $field 2>&1)
	M=$(ruby -S gem spec tinygem/tinygem-1.0.0.gem $field 2>&1)
	expect "the package's $field, read by CRuby" "$M" "$C"
done
M=$(tar -xOf tinygem/tinygem-1.0.0.gem data.tar.gz | tar -tzf - | sort)
expect "the package's data" "$M" "exe/tinygem
lib/tinygem.rb"

export GEM_HOME=$TMP/gemhome
M=$("$MGEM" install ./tinygem/tinygem-1.0.0.gem --local 2>&1)
expect "maglev-gem install --local" "$M" "Successfully installed tinygem-1.0.0
1 gem installed"
expect "installed under GEM_HOME" "$(ls "$GEM_HOME/gems")" "tinygem-1.0.0"
M=$("$MRUBY" -e 'require "tinygem"; puts TinyGem.hello("maglev"); p Gem.loaded_specs["tinygem"].version.to_s' 2>&1)
expect "require the installed gem" "$M" 'hello, maglev
"1.0.0"'
M=$("$MRUBY" -e 'gem "tinygem", "~> 1.0"; require "tinygem"; p TinyGem::VERSION' 2>&1)
expect "gem 'tinygem', '~> 1.0'" "$M" '"1.0.0"'
M=$("$MGEM" list tinygem 2>&1)
expect "maglev-gem list tinygem" "$M" "tinygem (1.0.0)"
M=$("$MRUBY" -S gem list tinygem 2>&1)
expect "maglev-ruby -S gem list tinygem" "$M" "tinygem (1.0.0)"
expect_match "the executable's wrapper runs maglev-ruby" "$(head -n 1 "$GEM_HOME/bin/tinygem")" "^#!.*/maglev-ruby$"
M=$("$GEM_HOME/bin/tinygem" gems 2>&1)
expect "the installed executable" "$M" "hello, gems from maglev"

# bundle exec under a Gemfile naming the installed gem and a Debian gem
mkdir app && cd app || exit 1
cat > Gemfile <<'G'
source "https://rubygems.org"
gem "tinygem"
gem "thor"
G
cat > script.rb <<'R'
require "tinygem"
require "thor"
puts TinyGem.hello("bundler")
p defined?(Bundler::VERSION) ? :bundled : :plain
p %w[tinygem thor tzinfo].map { |g| Gem.loaded_specs.key?(g) }
begin
  gem "tzinfo"
rescue Gem::LoadError => e
  p e.class
end
R
M=$("$MRUBY" -S bundle install --local 2>&1)
expect_match "maglev-ruby -S bundle install --local" "$M" "Bundle complete"
expect_match "Gemfile.lock names tinygem" "$(cat Gemfile.lock 2>/dev/null)" "^    tinygem \(1\.0\.0\)"
C=$(bundle exec ruby script.rb 2>&1)
M=$("$MRUBY" -S bundle exec "$MRUBY" script.rb 2>&1)
expect "bundle exec script.rb: maglev beside CRuby" "$M" "$C"
expect_match "bundle exec: the gem was used" "$M" "^hello, bundler$"
cd "$TMP" || exit 1

# a gem depending on tinygem: install --local resolves it from the .gem files here
mkdir -p depgem/lib && cp tinygem/tinygem-1.0.0.gem depgem/ && cd depgem || exit 1
echo 'require "tinygem"; module DepGem; def self.hi = TinyGem.hello("dependency"); end' > lib/depgem.rb
cat > depgem.gemspec <<'R'
Gem::Specification.new do |s|
  s.name = "depgem"
  s.version = "0.2.0"
  s.summary = "A gem that needs tinygem"
  s.authors = ["maglev"]
  s.license = "MIT"
  s.files = ["lib/depgem.rb"]
  s.add_dependency "tinygem", "~> 1.0"
end
R
"$MGEM" build depgem.gemspec >/dev/null 2>&1
M=$(GEM_HOME=$TMP/gemhome2 "$MGEM" install ./depgem-0.2.0.gem --local 2>&1)
expect "install --local with a dependency" "$M" "Successfully installed tinygem-1.0.0
Successfully installed depgem-0.2.0
2 gems installed"
M=$(GEM_HOME=$TMP/gemhome2 "$MRUBY" -e 'require "depgem"; puts DepGem.hi; p Gem.loaded_specs.keys.sort' 2>&1)
expect "require the dependent gem" "$M" 'hello, dependency
["depgem", "tinygem"]'
cd "$TMP" || exit 1

# without GEM_HOME: into maglev's own directory, $MAGLEV_HOME/gems/3.1.0 (a
# temporary installation here, sharing the checkout's lib/ and base image)
mkdir -p home && ln -s "$ROOT/lib" home/lib && ln -s "$ROOT/share" home/share && ln -s "$ROOT/bin" home/bin
M=$(env -u GEM_HOME MAGLEV_HOME=$TMP/home MAGLEV_DATA=$TMP/data "$MGEM" install ./tinygem/tinygem-1.0.0.gem --local 2>&1)
expect "install into \$MAGLEV_HOME/gems/3.1.0" "$M$(ls "$TMP/home/gems/3.1.0/gems" 2>&1)" "Successfully installed tinygem-1.0.0
1 gem installedtinygem-1.0.0"
M=$(env -u GEM_HOME MAGLEV_HOME=$TMP/home MAGLEV_DATA=$TMP/data "$MRUBY" -e 'require "tinygem"; puts TinyGem.hello("home"); puts Gem.dir; p Gem.path.include?("/usr/share/rubygems-integration/all")' 2>&1)
expect "found there by require, Gem.dir and Gem.path" "$M" "hello, home
$TMP/home/gems/3.1.0
true"
M=$(env -u GEM_HOME MAGLEV_HOME=$TMP/home MAGLEV_DATA=$TMP/data "$MGEM" list 2>&1)
expect_match "maglev-gem list: maglev's gem" "$M" "^tinygem \(1\.0\.0\)$"
expect_match "maglev-gem list: and Debian's" "$M" "^tzinfo \("

# a gem with a C extension: refused with a message naming it, nothing installed
mkdir -p cgem/ext/cgem cgem/lib && cd cgem || exit 1
printf 'require "mkmf"\ncreate_makefile("cgem/cgem")\n' > ext/cgem/extconf.rb
echo 'void Init_cgem(void) {}' > ext/cgem/cgem.c
echo 'require "cgem/cgem"' > lib/cgem.rb
cat > cgem.gemspec <<'R'
Gem::Specification.new do |s|
  s.name = "cgem"
  s.version = "0.1.0"
  s.summary = "A gem with a C extension"
  s.authors = ["maglev"]
  s.license = "MIT"
  s.files = ["lib/cgem.rb", "ext/cgem/extconf.rb", "ext/cgem/cgem.c"]
  s.extensions = ["ext/cgem/extconf.rb"]
end
R
"$MGEM" build cgem.gemspec >/dev/null 2>&1
M=$(GEM_HOME=$TMP/gemhome3 "$MGEM" install ./cgem-0.1.0.gem --local 2>&1); MR=$?
expect "a C-extension gem: exit status 1" "$MR" 1
expect "a C-extension gem: the reason" "$M" "ERROR:  Error installing ./cgem-0.1.0.gem:
	cgem-0.1.0 has a C extension (ext/cgem/extconf.rb): maglev cannot build or load CRuby C extensions"
expect "a C-extension gem: not installed" "$(ls "$TMP/gemhome3/gems" 2>/dev/null)" ""
cd "$TMP" || exit 1

M=$("$MGEM" uninstall tinygem --executables 2>&1)
expect_match "maglev-gem uninstall" "$M" "Successfully uninstalled tinygem-1.0.0"
M=$("$MRUBY" -e 'begin; require "tinygem"; rescue LoadError => e; p e.class; end' 2>&1)
expect "gone after uninstall" "$M" "LoadError"

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
