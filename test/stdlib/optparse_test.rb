# optparse.rb: switches, typed arguments, --[no-], errors, help summary, into:
require "optparse"
opts = {}
parser = OptionParser.new do |o|
  o.banner = "Usage: x [options]"
  o.on("-v", "--[no-]verbose", "Run verbosely") { |v| opts[:verbose] = v }
  o.on("-n", "--name NAME", "Name") { |v| opts[:name] = v }
  o.on("-c", "--count N", Integer, "Count") { |v| opts[:count] = v }
  o.on("-l", "--list A,B", Array, "List") { |v| opts[:list] = v }
  o.on("-t", "--type TYPE", [:a, :b], "Type") { |v| opts[:type] = v }
  o.on("-h", "--help", "Help") { puts o; opts[:help] = true }
end
rest = parser.parse(%w[-v --name bob -c 3 file1 --list x,y -t a file2])
p opts, rest
opts.clear
parser.parse!(args = %w[--no-verbose -nalice extra])
p opts, args
begin
  parser.parse(%w[--count abc])
rescue OptionParser::InvalidArgument => e
  p e.message
end
begin
  parser.parse(%w[--bogus])
rescue OptionParser::InvalidOption => e
  p e.message
end
begin
  parser.parse(%w[--name])
rescue OptionParser::MissingArgument => e
  p e.message
end
parser.parse(%w[-h])
h = {}
OptionParser.new { |o| o.on("-a"); o.on("-b VAL") }.parse!(%w[-a -b 2], into: h)
p h

# expect: {:verbose=>true, :name=>"bob", :count=>3, :list=>["x", "y"], :type=>:a}
# expect: ["file1", "file2"]
# expect: {:verbose=>false, :name=>"alice"}
# expect: ["extra"]
# expect: "invalid argument: --count abc"
# expect: "invalid option: --bogus"
# expect: "missing argument: --name"
# expect: Usage: x [options]
# expect:     -v, --[no-]verbose               Run verbosely
# expect:     -n, --name NAME                  Name
# expect:     -c, --count N                    Count
# expect:     -l, --list A,B                   List
# expect:     -t, --type TYPE                  Type
# expect:     -h, --help                       Help
# expect: {:a=>true, :b=>"2"}
