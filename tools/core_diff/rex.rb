require_relative 'h'
# Regexp and MatchData: match/=~/match?, named captures and $~ variables, scan,
# gsub/sub with hash/block/backrefs, MatchData accessors, Regexp.union/escape,
# options, source/inspect/to_s, encodings
RS = ['/(\d+)-(\d+)/', '/(?<y>\d{4})-(?<m>\d\d)?/', '/a|b/', '/x*/', '/(a)|(b)/', '/\A\s*\z/', '/(?i)ab/', '/a.c/m', '/ a b # c
/x', '/(?<n>.)\k<n>/', '/[[:alpha:]]+/', '/\p{Greek}/', '/é/', '/(?=b)/', '//']
SS = ["'2024-05 10-20'", "'ab ba'", "''", "'xxAbyy'", "\"a\\nc\"", "'ééα'", "'aabcc'", "'  '", "'b'"]
RS.each do |r|
  %w[source options casefold? names inspect to_s hash.class frozen? encoding fixed_encoding?].each { |m| t "#{r}.#{m}" }
  SS.each do |s|
    t "#{s}.match(#{r})&.to_a"; t "#{s} =~ #{r}"; t "#{s}.match?(#{r})"; t "#{s}.scan(#{r})"; t "#{s}.gsub(#{r}, '<\\\\0>')"; t "#{s}.sub(#{r}) { $~.pre_match.size.to_s }"; t "#{s}.split(#{r})"; t "#{s}.index(#{r})"; t "#{s}.rindex(#{r})"
    t "m = #{r}.match(#{s}); m && [m.begin(0), m.end(0), m.offset(0), m.pre_match, m.post_match, m.captures, m.named_captures, m.size, m.values_at(0, -1), m.to_s]"
  end
end
msrc = "m = /(?<a>\\d)(?<b>\\w)?(c)?/.match('x1yz')"
t "#{msrc}; m.names"; t "#{msrc}; m[:a]"; t "#{msrc}; m['b']"; t "#{msrc}; m[:c]"; t "#{msrc}; m[3]"; t "#{msrc}; m[1, 2]"; t "#{msrc}; m[0..]"; t "#{msrc}; m[-1]"; t "#{msrc}; m.begin(:a)"; t "#{msrc}; m.end('b')"; t "#{msrc}; m.begin(5)"; t "#{msrc}; m.offset(:zz)"; t "#{msrc}; m.byteoffset(0) rescue :no"
t "#{msrc}; m.deconstruct_keys([:a])"; t "#{msrc}; m.deconstruct_keys(nil)"; t "#{msrc}; m.deconstruct rescue :no"; t "#{msrc}; m.named_captures"; t "#{msrc}; m.values_at(:a, 1)"; t "#{msrc}; m.to_a"; t "#{msrc}; m.inspect"; t "#{msrc}; m.string.frozen?"; t "#{msrc}; m.regexp"; t "#{msrc}; m == #{msrc[4..]}"; t "#{msrc}; m.captures"
t "m = /(.)(.)?/.match('a'); [m.inspect, m.to_a, m.begin(2), m.offset(2)]"; t "m = /é(.)/.match('aéb'); [m.begin(0), m.end(1), m.pre_match]"; t "/(?<x>a)|(?<x>b)/.match('b')[:x]"; t "/(?<x>a)|(?<x>b)/.match('b').named_captures"; t "/(?<x>a)(?<x>b)/.names"
t "'ab' =~ /(?<v>b)/; v" ; t "/(?<vv>b)/ =~ 'ab'; vv"; t "/(?<vw>b)/ =~ 'zz'; vw"; t "s = /(?<vx>b)/; s =~ 'ab'; defined?(vx)"
t "'abc' =~ /b/; [$~[0], $`, $', $&, $1, $+]"; t "'abc' =~ /(b)(c)/; [$1, $2, $3, $+, $~.size]"; t "'abc' =~ /z/; [$~, $1]"; t "'abc'.match?(/b/); $~"; t "'abc'[/b(c)/, 1]"; t "'abc'[/(?<q>b)/, 'q']"; t "'abc'[/(?<q>b)/, :r]"; t "'abc'.slice(/x/)"
t "'a1b22'.gsub(/\\d+/) { $&.size.to_s }"; t "'a1b22'.gsub(/\\d/, '1' => 'one')"; t "'a1b2'.gsub(/(\\d)/, '<\\1\\1>')"; t "'ab'.gsub(/(?<l>.)/, '[\\k<l>]')"; t "'ab'.gsub(/b/, '\\\\\\\\')"; t "'ab'.gsub(/b/, \"\\\\'\")"; t "'ab'.gsub(/b/, '\\\\`')"; t "'ab'.gsub(/(a)/, '\\\\2')"; t "'abc'.gsub(/b/)"; t "'abc'.gsub(/b/).to_a"; t "'aaa'.gsub(/a/).with_index.map { _2 }"
t "'abab'.sub(/(a)(b)/) { [$1, $2, $~.begin(0)].join }"; t "'abc'.gsub(/x*/, '-')"; t "'abc'.gsub('', '-')"; t "'aaa'.gsub(/a/, 'a' => 1)"; t "'abc'.gsub(/b/, nil)"; t "'abc'.gsub(/b/, 1)"; t "'abc'.sub!(/z/, '')"; t "s = +'abc'; s.gsub!(/b/) { 'X' }; s"; t "'abc'.gsub(/b/) { nil }"; t "'ab'.scan(/(a)|(b)/)"; t "'ab'.scan(/./) { }"; t "'abab'.scan(/a/) { $~.begin(0) }"
t "Regexp.union"; t "Regexp.union('a', 'b.')"; t "Regexp.union(/a/i, /b/m)"; t "Regexp.union(['x', /y/])"; t "Regexp.union('a')"; t "Regexp.union(/a/)"; t "Regexp.union(1)"; t "Regexp.union('é', 'a')"; t "Regexp.union('é'.encode('ISO-8859-1'), 'é')"
t "Regexp.escape('a.b*c?[d]{e}(f)|g^h$i\\\\j k\\n\\t-#')"; t "Regexp.escape('é')"; t "Regexp.quote('+')"; t "Regexp.escape(:'a.b')"; t "Regexp.escape(1)"
t "Regexp.new('a', Regexp::IGNORECASE).inspect"; t "Regexp.new('a', true).options"; t "Regexp.new('a', 'i').options"; t "Regexp.new('a', 'mix').inspect"; t "Regexp.new('a', 'q')"; t "Regexp.new('(')"; t "Regexp.new('[a')"; t "Regexp.new('a{2,1}')"; t "Regexp.new(/a/i, 'm').inspect"; t "Regexp.new(/a/i).options"; t "Regexp.new(1)"; t "Regexp.new('a', nil).options"
t "Regexp.new('a/b').inspect"; t "Regexp.new('a/b').source"; t "%r{a/b}.inspect"; t "%r{a/b}.source"; t "/a\\/b/.source"; t "/\\n\\t/.inspect"; t "Regexp.new(\"\\n\").inspect"; t "Regexp.new(\"\\n\").source"; t "/(?<a>x)/.to_s"; t "/x/mix.to_s"; t "/x/n.inspect"; t "/x/n.options"; t "/x/u.options"; t "/x/u.encoding"; t "/\\xff/n.encoding"; t "/x/n.encoding"
t "/a/ == /a/"; t "/a/ == /a/i"; t "/a/.eql?(/a/)"; t "/a/.hash == /a/.hash"; t "/a/ === 'cat'"; t "/a/ === :cat"; t "/a/ === 1"; t "/a/ === nil"; t "/a/ =~ nil"; t "/a/.match(nil)"; t "/a/.match?(nil)"; t "/a/.match(:cat)"; t "/a/.match(1)"; t "/a/ =~ 1"; t "~ /a/ rescue :x"
t "/b/.match('abcb', 2).begin(0)"; t "/b/.match('abcb', -1).begin(0)"; t "/b/.match('abcb', 9)"; t "/b/.match?('abcb', 4)"; t "/b/.match('abc') { |m| m[0] * 2 }"; t "/z/.match('abc') { 1 }"; t "'abcb'.index(/b/, 2)"; t "'abcb'.rindex(/b/, 2)"; t "'abcb'.index(/b/, -1)"; t "'abcb' =~ /(?<!a)b/"
t "'ab' =~ /b/; Regexp.last_match"; t "'ab' =~ /(b)/; Regexp.last_match(1)"; t "'ab' =~ /(?<q>b)/; Regexp.last_match(:q)"; t "'ab' =~ /(b)/; Regexp.last_match(5)"; t "'ab' =~ /(b)/; Regexp.last_match(:q)"
t "/(a)(b)?/.match('a').values_at(1, 2, 3)"; t "/(a)/.match('a').values_at(0..3)"; t "/(a)/.match('a').begin(-1)"; t "/(a)/.match('a').end(2)"; t "/(a)/.match('a')[nil]"; t "/(a)/.match('a')[1.5]"; t "/(a)/.match('a').size"; t "/(a)/.match('a').length"
t "MatchData.new"; t "MatchData.allocate"; t "Regexp.allocate.source rescue $!.class"; t "/a/.freeze.frozen?"; t "Regexp.new('a').frozen?"; t "/a/.dup.frozen?"; t "/(?<a>.)(?<b>.)/.named_captures"; t "/(.)(.)/.named_captures"; t "/(?<a>.)/.names.frozen?"
t "/\\p{Alpha}+/.match('éa1')[0]"; t "/\\w+/.match('éa1')[0]"; t "/[[:word:]]+/.match('é_a')[0]"; t "/\\h+/.match('xaf9g')[0]"; t "/\\R/.match(\"a\\r\\nb\")[0]"; t "/\\X/.match('e\u0301x')[0].size"; t "/a++b/.match('aab')&.[](0)"; t "/(?>a+)b/.match('aab')[0]"; t "/a{,2}/.match('aaa')[0]"; t "/\\Ga/.match('aa', 1)"
t "'ABC'.match(/b/i).begin(0)"; t "/(?i:a)b/.match('AB')"; t "/(?i:a)b/.match('Ab')[0]"; t "/a(?#comment)b/.match('ab')[0]"; t "/\\bfoo\\b/.match('a foo b').begin(0)"; t "'foo.bar'.split(/(\\.)/)"; t "'a,b,,c,,'.split(/,/)"; t "'a,b,,c,,'.split(/,/, -1)"; t "'abc'.split(//)"; t "'a b  c'.split(/\\s/, 2)"
t "'hello world'.partition(/o/)"; t "'hello world'.rpartition(/o/)"; t "'hello'.start_with?(/h(e)/); $1"; t "'hello'.each_char.grep(/[aeiou]/)"; t "%w[a1 b2 c].grep(/(\\d)/) { $1 }"; t "'hello'.count('lo')"; t "'hello'.tr('el', 'ip')"; t "'abc'.sub(/(?<x>b)/, '\\k<x>\\k<x>')"; t "'abc'.sub(/b/, '\\k<x>')"
t "'aaa'.sub(/a/) { |m| m.upcase }"; t "'abc'.sub(/b/) { $~ ? $~[0] : nil }"; t "s = 'xyz'; s =~ /y/; s.sub(/z/, 'Q'); $~[0]"; t "'z' =~ /z/; def rm = 'ab' =~ /b/; rm; $~[0]"; t "[1].each { 'q' =~ /q/ }; $~[0]"
t "Regexp.timeout rescue :no"; t "Regexp::EXTENDED | Regexp::MULTILINE"; t "Regexp::NOENCODING"; t "Regexp::FIXEDENCODING"; t "/a/.match('a').pre_match.frozen?"; t "/a/ =~ 'ba'; $~.pre_match.frozen?"; t "Regexp.try_convert(/a/)"; t "Regexp.try_convert('a')"; t "Regexp.linear_time?(/a/) rescue :no"
