#!/usr/bin/env bash
# `rdoc` (Ruby's own documentation tool, run with maglev-ruby -S) documents a
# small file: the class page and the index are what CRuby's rdoc writes, and
# the gzipped search index inflates to the same JSON.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-rdoc.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
command -v rdoc >/dev/null || { echo "skip: rdoc is not installed (Debian ruby)"; exit 0; }
cd "$TMP" || exit 1
cat > a.rb <<'R'
# A class that doubles.
class Foo
  # Doubles +x+.
  def bar(x) = x * 2

  # The answer.
  ANSWER = 42
end
R
ruby -S rdoc -q -o c a.rb >/dev/null 2>&1 || { echo "CRuby's rdoc failed"; exit 1; }
"$MRUBY" -S rdoc -q -o m a.rb || { echo "not ok - maglev's rdoc exited $?"; exit 1; }
fails=0
for f in Foo.html index.html table_of_contents.html; do
	if cmp -s "c/$f" "m/$f"; then echo "ok - $f"; else echo "not ok - $f differs"; diff "c/$f" "m/$f" | head -10; fails=$((fails + 1)); fi
done
if cmp -s <(zcat c/js/search_index.js.gz) <(zcat m/js/search_index.js.gz); then echo "ok - search index"; else echo "not ok - search index"; fails=$((fails + 1)); fi
[ "$fails" -eq 0 ]
