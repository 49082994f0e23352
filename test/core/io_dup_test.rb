# IO#dup: a descriptor of its own, the same mode, path and sync; writing
# through the copy and closing one side leaves the other open.
r, w = IO.pipe
d = w.dup
p d.fileno != w.fileno, d.sync == w.sync, d.class, d.closed?
d.write("via the copy ")
d.close
p w.closed?
w.write("and the original")
w.close
p r.read
f = File.open(__FILE__)
g = f.dup
p g.class, g.path == f.path
f.close
p g.closed?, g.gets
g.close
# expect: true
# expect: true
# expect: IO
# expect: false
# expect: false
# expect: "via the copy and the original"
# expect: File
# expect: true
# expect: false
# expect: "# IO#dup: a descriptor of its own, the same mode, path and sync; writing\n"
