# Kernel output: puts, print, p, pp, printf, putc, $stdout redirection
puts "a", "b"
puts ["c", ["d", nil]], []
puts
puts nil
puts "ends\n"
puts 1, 2.5, :sym
x = [1]
x << x
puts x
print "p1", 2, nil, :s, "\n"
p
p 1, "two"
r = p(:only)
p r
r2 = p 1, 2
p r2
p pp({a: 1})
printf("%d-%s\n", 5, "x")
printf($stdout, "%05.1f\n", 3.14159)
p printf
putc "hey"
putc 10
putc 65
putc "\n"
$stdout.puts "via $stdout"
STDOUT.print "via STDOUT\n"
$stdout << "chained " << 42 << "\n"
p $stdout.write("w1", "w2", 3), $stdout.print("\n")
p $stdout.sync, $stderr.sync, $stdout.fileno, $stderr.fileno, $stdin.fileno
p STDOUT.inspect, STDERR.inspect, STDIN.inspect
class Catcher
  attr_reader :log
  def initialize; @log = []; end
  def write(*args); @log << args.join; args.sum(&:size); end
end
cat = Catcher.new
$stdout = cat
puts "hidden", 1
print "x", "y"
p :z
$stdout.flush rescue nil
$stdout = STDOUT
p cat.log
begin
  $stdout = 42
rescue TypeError => e
  p e.message
end
p $stdout.equal?(STDOUT)
class Obj; def to_s; "custom"; end; end
puts Obj.new
print Obj.new, "\n"
class BadToS; def to_s; 1; end; end
puts BadToS.new.to_s.class
warn "to stderr"
$stderr.puts "also stderr"
p $stdout.tty?

# expect: a
# expect: b
# expect: c
# expect: d
# expect:
# expect:
# expect:
# expect: ends
# expect: 1
# expect: 2.5
# expect: sym
# expect: 1
# expect: [...]
# expect: p12s
# expect: 1
# expect: "two"
# expect: :only
# expect: :only
# expect: 1
# expect: 2
# expect: [1, 2]
# expect: {:a=>1}
# expect: {:a=>1}
# expect: 5-x
# expect: 003.1
# expect: nil
# expect: h
# expect: A
# expect: via $stdout
# expect: via STDOUT
# expect: chained 42
# expect: w1w23
# expect: 5
# expect: nil
# expect: false
# expect: true
# expect: 1
# expect: 2
# expect: 0
# expect: "#<IO:<STDOUT>>"
# expect: "#<IO:<STDERR>>"
# expect: "#<IO:<STDIN>>"
# expect: ["hidden\n", "1\n", "x", "y", ":z\n"]
# expect: "$stdout must have write method, Integer given"
# expect: true
# expect: custom
# expect: custom
# expect: Integer
# expect: false
