# IO.new(fd, mode, **opts): mode:, autoclose:, and the encoding keywords
# (internal_encoding: "-" is none), as irb's StdioInputMethod opens STDIN.
r, w = IO.pipe
io = IO.new(w.fileno, mode: "w", autoclose: false)
p io.autoclose?
io.write("café\n"); io.flush
io2 = IO.new(r.fileno, external_encoding: "ISO-8859-1", internal_encoding: "-", autoclose: false)
p io2.external_encoding, io2.internal_encoding
io3 = IO.new(r.fileno, "r:ISO-8859-1:UTF-8", autoclose: false)
p io3.external_encoding, io3.internal_encoding
p((IO.new(w.fileno, "w", mode: "w") rescue $!.message))
p io2.gets.bytes.size
# expect: false
# expect: #<Encoding:ISO-8859-1>
# expect: nil
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: "mode specified twice"
# expect: 6
