#!/bin/sh
# ripper_files_diff.sh FILE... -- Ripper.sexp and Ripper.sexp_raw of whole
# files under CRuby and bin/maglev-ruby (compared by digest); prints the files
# that differ or raise NotImplementedError, then the counts. E.g. on CRuby's
# standard library and gems:
#   tools/ripper_files_diff.sh $(find /usr/lib/ruby/3.1.0 /usr/lib/ruby/gems/3.1.0/gems -name '*.rb')
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/dump.rb" <<'RUBY'
require 'ripper'
require 'digest'
ARGV.each do |f|
  src = File.read(f)
  out = begin
    Digest::MD5.hexdigest(Ripper.sexp(src).inspect + Ripper.sexp_raw(src).inspect)
  rescue NotImplementedError => e
    "NotImplementedError: #{e.message}"
  rescue Exception => e
    "#{e.class}: #{e.message.lines.first}"
  end
  puts "#{f}\t#{out}"
end
RUBY
ruby "$tmp/dump.rb" "$@" >"$tmp/cruby" 2>/dev/null
bin/maglev-ruby "$tmp/dump.rb" "$@" >"$tmp/maglev" 2>"$tmp/err" || { head -5 "$tmp/err"; exit 1; }
ruby -e '
  c = File.readlines(ARGV[0], chomp: true).to_h { _1.split("\t", 2) }
  m = File.readlines(ARGV[1], chomp: true).to_h { _1.split("\t", 2) }
  agree = nie = wrong = 0
  c.each do |f, v|
    if m[f] == v then agree += 1
    elsif m[f].to_s.start_with?("NotImplementedError") then nie += 1; puts "#{f}: #{m[f]}"
    else wrong += 1; puts "DIFFERS #{f}"
    end
  end
  puts "#{c.size} files: #{agree} agree, #{nie} NotImplementedError, #{wrong} differ"
  exit(wrong == 0 ? 0 : 1)
' "$tmp/cruby" "$tmp/maglev"
