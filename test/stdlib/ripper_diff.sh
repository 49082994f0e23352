#!/bin/sh
# Ripper.sexp and Ripper.sexp_raw give exactly CRuby 3.1's trees on every snippet
# of test/parse/snippets.rb, error_snippets.rb and ripper_snippets.rb, but for
# those test/parse/ripper_unsupported.txt lists (each raising the
# NotImplementedError it names, or nil where maglev's parser rejects the code).
# Needs CRuby (`ruby`); without it, says so and passes.
cd "$(dirname "$0")/../.." || exit 2
command -v ruby >/dev/null 2>&1 || { echo "skip: ruby not installed"; exit 0; }
exec tools/ripper_diff.sh
