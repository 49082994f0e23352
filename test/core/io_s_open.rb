# IO.open: IO.new, and with a block the block's value, the IO closed after it.
r, w = IO.pipe
io = IO.open(w.fileno, "w", autoclose: false)
p io.class
io.write("via IO.open\n"); io.flush
p IO.open(w.fileno, "w", autoclose: false) { |x| x.write("block\n"); :value }
w.close
p r.read
p File.open(__FILE__) { |f| f.class }
p((IO.open rescue $!.class))
# expect: IO
# expect: :value
# expect: "via IO.open\nblock\n"
# expect: File
# expect: ArgumentError
