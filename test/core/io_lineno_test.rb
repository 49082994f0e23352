# $. and IO#lineno: set by gets/readline/each_line/readlines/foreach, per IO
# lineno, process-wide $. (threads too), not by read/each_char/lineno=/rewind
dir = "/tmp/maglev_io_lineno_test_#{$$}"
Dir.mkdir(dir)
F1 = File.join(dir, "f1.txt")
F2 = File.join(dir, "f2.txt")
File.write(F1, "a\nb\nc\n")
File.write(F2, "x\ny\n")
p $.
f = File.open(F1)
p f.lineno
f.gets; p $., f.lineno
f.gets; p $., f.lineno
g = File.open(F2)
g.gets; p $., g.lineno, f.lineno
f.gets; p $.
p f.gets, $.
f.lineno = 10
p f.lineno, $.
f.rewind
p f.lineno, $.
f.gets; p $., f.lineno
f.readline; p $.
f.each_line { |l| p [l, $., f.lineno] }
f.rewind
p f.readlines.size, $., f.lineno
f.rewind
f.each_line(chomp: true).to_a; p $., f.lineno
$. = 42; p $.
f.close
g.close
File.foreach(F1) { |l| p [l, $.] }
p $.
File.open(F1) { |h| h.gets(nil); p $., h.lineno }
File.open(F1) { |h| h.gets(""); p $., h.lineno }
File.open(F1) { |h| h.gets("b"); p $., h.lineno }
File.open(F1) { |h| h.read; p $., h.lineno }
File.open(F1) { |h| h.each_char {}; p $., h.lineno }
def m; $.; end
File.open(F2) { |h| h.gets; p m }
t = Thread.new { File.open(F1) { |h| h.gets; h.gets; $. } }
p t.value, $.
r, w = IO.pipe
w.puts "1", "2"; w.close
r.gets; r.gets; p $., r.lineno
p (STDIN.lineno)
require "stringio"
s = StringIO.new("q\nr\n"); s.gets; s.gets; p s.lineno, $.
File.delete(F1, F2)
Dir.rmdir(dir)
# expect: 0
# expect: 0
# expect: 1
# expect: 1
# expect: 2
# expect: 2
# expect: 1
# expect: 1
# expect: 2
# expect: 3
# expect: nil
# expect: 3
# expect: 10
# expect: 3
# expect: 0
# expect: 3
# expect: 1
# expect: 1
# expect: 2
# expect: ["c\n", 3, 3]
# expect: 3
# expect: 3
# expect: 3
# expect: 3
# expect: 3
# expect: 42
# expect: ["a\n", 1]
# expect: ["b\n", 2]
# expect: ["c\n", 3]
# expect: 3
# expect: 1
# expect: 1
# expect: 1
# expect: 1
# expect: 1
# expect: 1
# expect: 1
# expect: 0
# expect: 1
# expect: 0
# expect: 1
# expect: 2
# expect: 2
# expect: 2
# expect: 2
# expect: 0
# expect: 2
# expect: 2
