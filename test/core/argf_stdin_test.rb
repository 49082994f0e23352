# Kernel#gets with an empty ARGV reads $stdin through ARGF: $., ARGF.lineno,
# $_, a reassigned $stdin (StringIO), readlines
require "stringio"
$stdin = StringIO.new("x\ny\nz\n")
p gets, $_, $., ARGF.lineno, ARGF.filename
p ARGF.gets, $.
p readlines, $.
p gets, $.
$stdin = StringIO.new("q\n")
p gets, $., ARGF.lineno
$stdin = STDIN
p gets, $.
# expect: "x\n"
# expect: "x\n"
# expect: 1
# expect: 1
# expect: "-"
# expect: "y\n"
# expect: 2
# expect: ["z\n"]
# expect: 3
# expect: nil
# expect: 3
# expect: "q\n"
# expect: 4
# expect: 4
# expect: nil
# expect: 4
