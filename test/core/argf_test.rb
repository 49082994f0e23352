# ARGF: the files named in ARGV read as one stream (gets, $., lineno, filename,
# each_line, read, readlines, eof?, skip), Kernel#gets through it, $<, $FILENAME
require "tmpdir"
dir = Dir.mktmpdir
a = File.join(dir, "a.txt")
b = File.join(dir, "b.txt")
File.write(a, "a1\na2\n")
File.write(b, "b1\nb2\nb3")
p ARGF, ARGF.to_s, $<.equal?(ARGF), ARGF.argv.equal?(ARGV)
ARGV.replace([a, b])
p gets, $., ARGF.lineno, File.basename(ARGF.filename), File.basename($FILENAME)
p ARGF.gets, $., ARGF.file.lineno
p gets, $., File.basename(ARGF.filename), ARGF.file.lineno, ARGV.size
p readline, $.
p gets, $., ARGF.eof?
p gets, $.
p (readline rescue $!.class)
ARGV.replace([a, b])
p ARGF.read.size
ARGV.replace([a, b])
p ARGF.readlines, $.
ARGV.replace([a, b])
ARGF.each_line { |l| print File.basename(ARGF.filename), ":", $., ":", l.chomp, "\n" }
ARGV.replace([a, b])
p ARGF.each_line.map(&:chomp)
ARGV.replace([a, b])
p ARGF.gets, ARGF.skip.equal?(ARGF), ARGF.gets, ARGF.lineno
ARGF.lineno = 100
p ARGF.gets, $.
$. = 7
p ARGF.gets, $.
ARGV.replace([a])
p readlines.size
ARGV.replace([a, b])
p ARGF.to_a.size, ARGF.closed?
ARGV.replace([File.join(dir, "missing")])
p((gets rescue $!.class))
File.delete(a, b)
Dir.rmdir(dir)
p File.basename(ARGF.filename)
# expect: ARGF
# expect: "ARGF"
# expect: true
# expect: true
# expect: "a1\n"
# expect: 1
# expect: 1
# expect: "a.txt"
# expect: "a.txt"
# expect: "a2\n"
# expect: 2
# expect: 2
# expect: "b1\n"
# expect: 3
# expect: "b.txt"
# expect: 1
# expect: 0
# expect: "b2\n"
# expect: 4
# expect: "b3"
# expect: 5
# expect: true
# expect: nil
# expect: 5
# expect: EOFError
# expect: 14
# expect: ["a1\n", "a2\n", "b1\n", "b2\n", "b3"]
# expect: 10
# expect: a.txt:11:a1
# expect: a.txt:12:a2
# expect: b.txt:13:b1
# expect: b.txt:14:b2
# expect: b.txt:15:b3
# expect: ["a1", "a2", "b1", "b2", "b3"]
# expect: "a1\n"
# expect: true
# expect: "b1\n"
# expect: 22
# expect: "b2\n"
# expect: 101
# expect: "b3"
# expect: 8
# expect: 2
# expect: 5
# expect: false
# expect: Errno::ENOENT
# expect: "missing"
