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
require "un"
Maglev[:streams] = [STDOUT, STDERR, STDIN]
require "erb"
require "syslog"
Maglev[:erb] = ERB.new("x=<%= x %> <% 2.times do |i| %><%= i %><% end %>")
class Gauge
  class << self; %i[low high].each { |n| define_method(n) { [n, name] } }; end
end
Maglev[:metas] = [Gauge.singleton_class, Gauge.singleton_class.singleton_class]
RUBY
out=$(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit app.rb 2>&1; echo "exit $?")
expect "-Mcommit of an application that requires the libraries" "$out" "exit 0"
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
