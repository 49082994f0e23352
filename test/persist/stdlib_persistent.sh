#!/usr/bin/env bash
# Standard libraries loaded in persistent mode (-Mcommit) and used by later
# processes that do not read their source again ($LOADED_FEATURES persists):
# what each library did to classes at load time must be in the repository.
# Expected outputs are CRuby 3.1's for the same calls in one process.
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/app.rb" <<'RUBY'
require "singleton"
require "pp"
class Single; include Singleton; attr_accessor :v; end
Single.instance.v = 4
Maglev[:single] = Single.instance
require "date"
require "time"
Maglev[:date] = Date.new(2020, 2, 28)
Maglev[:time] = Time.utc(2020, 1, 2, 3, 4, 5)
require "csv"
require "English"
class Tally < StringScanner; alias_method :grab, :scan; private :check; end
class StringScanner; private :beginning_of_line?; def peek(n) = "ruby #{n}"; undef_method :unscan; end
require "readline"
require "reline"
require "tempfile"
require "un"
Maglev[:streams] = [STDOUT, STDERR, STDIN]
require "erb"
require "syslog"
Maglev[:erb] = ERB.new("x=<%= x %> <% 2.times do |i| %><%= i %><% end %>")
class Gauge
  class << self; %i[low high].each { |n| define_method(n) { [n, name] } }; end
end
Maglev[:metas] = [Gauge.singleton_class, Gauge.singleton_class.singleton_class]
%w[abbrev base64 benchmark bigdecimal cgi csv date delegate digest English erb fileutils find forwardable getoptlong ipaddr json logger monitor observer open3 optparse ostruct pathname pp prettyprint pstore set shellwords singleton stringio strscan time timeout tsort uri weakref yaml zlib open-uri securerandom].each { |l| require l }
RUBY
# the main API of each library, in a process that loads none of them
cat >"$MAGLEV_DATA/smoke.rb" <<'RUBY'
p Abbrev.abbrev(%w[car cone]).size, Base64.strict_encode64("hi"), CGI.escape("a b&"), CSV.parse_line("a,\"b,c\""), Date.parse("2020-01-02").mon
p SimpleDelegator.new([1]).size, Digest::SHA1.hexdigest("a")[0, 6], ERB.new("<%= 1 + 1 %>").result, Forwardable.instance_method(:def_delegator).owner
p IPAddr.new("1.2.3.4").to_i, JSON.parse("[1, {\"a\": null}]"), Logger.new(nil).level, Monitor.new.synchronize { 1 }, OptionParser.new { |o| o.on("-q") }.parse(%w[-q x])
p OpenStruct.new(a: 1).a, Pathname("a/b.rb").sub_ext(".c").to_s, PP.pp([1], +""), Set[1, 1].size, Shellwords.split("a 'b c'"), StringIO.new("x\ny").readlines
p StringScanner.new("ab").scan(/a/), Time.iso8601("2020-01-01T00:00:00Z").year, Timeout.timeout(1) { 2 }, URI("http://x/y?z").query, BigDecimal("1.1") + 1
p YAML.load("a: [1]"), YAML.dump({"k" => 1}), Zlib.crc32("a"), Zlib::Inflate.inflate(Zlib::Deflate.deflate("zz")), SecureRandom.hex(2).size, Benchmark.realtime { }.class
p TSort.tsort(->(&b) { [1, 2].each(&b) }, ->(n, &b) { (n == 1 ? [2] : []).each(&b) }), Open3.capture2("echo x")[0], Find.find("/etc/hostname").to_a, GetoptLong::NO_ARGUMENT
o = Class.new { include Observable; def go; changed; notify_observers(7); end }.new; r = []; o.add_observer(->(x) { r << x }, :call); o.go; p r
FileUtils.mkdir_p("fu/a"); p Dir.exist?("fu/a"), WeakRef.new(+"w").upcase, PrettyPrint.format(+"", 5) { |q| q.text "ab" }, URI.respond_to?(:open)
s = PStore.new("t.pstore"); s.transaction { s[:a] = [1] }; p s.transaction(true) { s[:a] }
RUBY
out=$(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit app.rb 2>&1; echo "exit $?")
expect "-Mcommit of an application that requires the libraries" "$out" "exit 0"
expect "the libraries' main calls answer as in CRuby" "$(cd "$MAGLEV_DATA" && mrb "$(cat smoke.rb)")" \
  '5
"aGk="
"a+b%26"
["a", "b,c"]
1
1
"86f7e4"
"2"
Forwardable
16909060
[1, {"a"=>nil}]
0
1
["x"]
1
"a/b.c"
"[1]\n"
1
["a", "b c"]
["x\n", "y"]
"a"
2020
2
"z"
0.21e1
{"a"=>[1]}
"---\nk: 1\n"
3904355907
"zz"
4
Float
[2, 1]
"x\n"
["/etc/hostname"]
0
[7]
true
"W"
"ab"
true
[1]'
expect "a later process starts with the persistent \$LOADED_FEATURES" \
  "$(mrb 'p $LOADED_FEATURES.grep(%r{/(csv|singleton|English|erb)\.rb\z}).map { File.basename(_1) }.sort, require("csv")')" \
  '["English.rb", "csv.rb", "erb.rb", "singleton.rb"]
false'
expect "pp: what it adds to File::Stat (a core class) persists" \
  "$(mrb 's = +""; PP.pp(File.stat("/"), s, 40); puts s.lines.first; p File::Stat.instance_method(:pretty_print).owner')" \
  '#<File::Stat
File::Stat'
expect "singleton: new and allocate stay private (a visibility change of an inherited C method)" \
  "$(mrb 'p Maglev[:single].v, (Single.new rescue $!.class), (Single.allocate rescue $!.class), Single.instance.equal?(Single.instance)')" \
  '4
NoMethodError
NoMethodError
true'
expect "date and time: the parsers' constants are set in Date's singleton class (class << self; DAY_RE = ...)" \
  "$(mrb 'p Maglev[:date] + 1, Date.parse("2021-03-04").yday, Date.strptime("03/04/21", "%m/%d/%y").to_s, DateTime.parse("2001-02-03T04:05:06+07:00").hour
p Time.parse("2021-05-06 07:08:09 UTC").utc.to_a[0, 6], Maglev[:time].httpdate, Time.rfc2822("Thu, 02 Jan 2020 03:04:05 +0000").to_i')" \
  '#<Date: 2020-02-29 ((2458909j,0s,0n),+0s,2299161j)>
63
"2021-03-04"
4
[9, 8, 7, 6, 5, 2021]
"Thu, 02 Jan 2020 03:04:05 GMT"
1577934245'
expect "a constant of a persistent class's singleton class" "$(mrb 'Maglev.persistent { class Meta; class << self; LIMIT = [3]; def limit = LIMIT; end; end }; Maglev.commit' && mrb 'p Meta.limit, Meta.singleton_class::LIMIT, Meta.singleton_class.const_defined?(:LIMIT, false)')" \
  '[3]
[3]
true'
expect "csv: its Scanner aliases StringScanner#scan (a C library's method, there only once strscan's C part ran); Ruby changes to a C library's class outlast its C part run again" \
  "$(mrb 'p CSV.parse_line("x,\"y,z\""), CSV.parse("h1,h2\n3,4", headers: true, converters: :numeric).map(&:to_h), CSV.generate { |c| c << [1, "q\"x"] }
t = Tally.new("ab"); p t.grab(/a/), (t.check(/b/) rescue $!.class), (t.beginning_of_line? rescue $!.class), t.send(:beginning_of_line?), t.peek(2), (t.unscan rescue $!.class)')" \
  '["x", "y,z"]
[{"h1"=>3, "h2"=>4}]
"1,\"q\"\"x\"\n"
"a"
NoMethodError
NoMethodError
false
"ruby 2"
NoMethodError'
expect "English: the aliases of global variables (alias \$PREMATCH \$\`) are made again" \
  "$(mrb '"abc" =~ /b/; p $PREMATCH, $POSTMATCH, $MATCH, $PID == $$, $INPUT_RECORD_SEPARATOR, $PROGRAM_NAME.class, $LAST_MATCH_INFO.class')" \
  '"a"
"c"
"b"
true
"\n"
String
MatchData'
expect "readline (its C part makes HISTORY again) and un (FileUtils keeps @fileutils_output = \$stdout)" \
  "$(cd "$MAGLEV_DATA" && mkdir -p gone && mrb 'p Readline::HISTORY.to_a, Readline::HISTORY.class; ARGV.replace(%w[-v gone]); rmdir; p Dir.exist?("gone")' 2>&1)" \
  '[]
Object
rmdir gone
false'
expect "reline (it requires tempfile) and tempfile" \
  "$(mrb 'p Reline::GeneralIO.class_variable_get(:@@input).equal?(STDIN), Reline.respond_to?(:readline); t = Tempfile.new("sweep"); t.write("hi"); t.flush; p File.read(t.path); t.close!; p Dir.mktmpdir { |d| File.directory?(d) }')" \
  'true
true
"hi"
true'
expect "the standard streams persist as the reading process's own" \
  "$(mrb 's = Maglev[:streams]; p s[0].equal?(STDOUT), s[1].equal?(STDERR), s[2].equal?(STDIN)')" \
  'true
true
true'
expect "erb: an ERB keeps its class's singleton class (@_init); syslog and define_method in class << self (a Proc whose self is it)" \
  "$(mrb 'x = 5; p Maglev[:erb].result(binding), Maglev[:erb].class, Syslog.respond_to?(:emerg), Syslog.opened?, Gauge.low, Gauge.high, Maglev[:metas], Maglev[:metas][0].equal?(Gauge.singleton_class)')" \
  '"x=5 01"
ERB
true
false
[:low, "Gauge"]
[:high, "Gauge"]
[#<Class:Gauge>, #<Class:#<Class:Gauge>>]
true'
expect "a class's own class-level state cannot hold its singleton class yet" \
  "$(mrb 'Maglev.persistent { class Own; @me = singleton_class; end }; begin; Maglev.commit; rescue TransactionError => e; p e.object; end')" '#<Class:Own>'
finish
