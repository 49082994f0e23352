#!/bin/sh
# ripper_diff.sh [-v] [FILES] -- Ripper.sexp and Ripper.sexp_raw on every snippet
# of the corpus files (default: test/parse/snippets.rb and test/parse/ripper_snippets.rb;
# each snippet starts with a line `#--- NAME`) under CRuby and bin/maglev-ruby.
# A snippet agrees when both print the same trees (nil for both on a syntax
# error). test/parse/ripper_unsupported.txt lists the snippets maglev does not
# cover, each with the NotImplementedError message it must raise, or with
# "=nil" when maglev's parser rejects what CRuby's Ripper accepts (errors CRuby
# finds only when it compiles: Ripper.sexp gives nil here). Prints the
# counts; exit status 0 only when every other snippet agrees and every listed
# one raises its message. -v shows each disagreement.
cd "$(dirname "$0")/.." || exit 2
verbose=0
[ "$1" = -v ] && { verbose=1; shift; }
[ $# -eq 0 ] && set -- test/parse/snippets.rb test/parse/error_snippets.rb test/parse/ripper_snippets.rb
command -v ruby >/dev/null || { echo "skip: no ruby"; exit 0; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8 ruby tools/ripper_dump.rb "$@" >"$tmp/cruby" 2>/dev/null
LC_ALL=C.UTF-8 bin/maglev-ruby tools/ripper_dump.rb "$@" >"$tmp/maglev" 2>"$tmp/err" || { echo "maglev failed:"; head -5 "$tmp/err"; exit 1; }
V=$verbose LC_ALL=C.UTF-8 ruby -e '
  cr, mg, uns = ARGV.map { |f| File.exist?(f) ? File.readlines(f, chomp: true) : [] }
  listed = {}
  uns.each { |l| next if l.empty? || l.start_with?("#"); n, m = l.split("\t", 2); listed[n] = m }
  cr = cr.to_h { |l| l.split("\t", 2) }
  mg = mg.to_h { |l| l.split("\t", 2) }
  agree = nyi = bad = rejected = 0
  cr.each do |name, want|
    got = mg[name]
    if listed.key?(name) && listed[name].start_with?("=nil")
      if got == "nil nil" then rejected += 1
      elsif got == want then bad += 1; puts "LISTED BUT AGREES: #{name}"
      else bad += 1; puts "LISTED: #{name}\n  want nil (maglev parser rejects it)\n  got  #{got}"
      end
    elsif listed.key?(name)
      if got == "NotImplementedError: #{listed[name]}" then nyi += 1
      elsif got == want then bad += 1; puts "LISTED BUT AGREES: #{name}"
      else bad += 1; puts "LISTED: #{name}\n  want NotImplementedError: #{listed[name]}\n  got  #{got}"
      end
    elsif got == want then agree += 1
    else
      bad += 1
      puts "DIFFER: #{name}"
      if ENV["V"] == "1" then puts "  cruby:  #{want}\n  maglev: #{got}" end
    end
  end
  puts "#{cr.size} snippets: #{agree} agree, #{nyi} listed as not supported (NotImplementedError), #{rejected} listed as rejected by maglev'"'"'s parser (nil), #{bad} wrong"
  exit(bad == 0 ? 0 : 1)
' "$tmp/cruby" "$tmp/maglev" test/parse/ripper_unsupported.txt
