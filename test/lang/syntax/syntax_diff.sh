#!/bin/sh
# The parser accepts exactly what CRuby 3.1 accepts, and reports the first
# syntax error as CRuby does (message, source line, ^~~ caret line), for every
# snippet of test/parse/snippets.rb and test/parse/error_snippets.rb (one CRuby
# process parses them all: --fast; tools/syntax_diff.sh -m runs ruby -c on each).
# Needs CRuby (`ruby`); without it, says so and passes.
cd "$(dirname "$0")/../../.." || exit 2
command -v ruby >/dev/null 2>&1 || { echo "skip: ruby not installed"; exit 0; }
exec tools/syntax_diff.sh -m --fast test/parse/snippets.rb test/parse/error_snippets.rb
