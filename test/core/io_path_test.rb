# File path helpers
p File.basename("/a/b.rb"), File.basename("/a/b.rb", ".rb"), File.basename("/a/b.rb", ".*")
p File.basename(".bashrc", ".*"), File.basename("//"), File.basename("a/b/"), File.basename(""), File.basename("x.rb", "x.rb")
p File.dirname("/a/b.rb"), File.dirname("b.rb"), File.dirname("/"), File.dirname("a//b//"), File.dirname("//a"), File.dirname("")
p File.extname("a.rb"), File.extname(".bashrc"), File.extname("a."), File.extname("a.b.c"), File.extname("a/.x.y"), File.extname("..rb"), File.extname("dir.d/file")
p File.join("a", "b"), File.join("a/", "/b"), File.join, File.join("a", ["b", ["c"]]), File.join("", "x"), File.join("a", "")
begin
  File.join(1)
rescue TypeError => e
  p e.message
end
p File.expand_path("/a/../b/./c//d/"), File.expand_path("x", "/tmp"), File.expand_path("../x", "/tmp/y"), File.expand_path("/")
p File.expand_path("..", "/"), File.absolute_path("/a/./b"), File.absolute_path?("/x"), File.absolute_path?("x")
p File.split("/a/b"), File.split("c")
p File::SEPARATOR, File::ALT_SEPARATOR, File::PATH_SEPARATOR
p File.basename(__FILE__)
p File.dirname("/x/y/z.rb") == File.expand_path("..", "/x/y/z.rb")

# expect: "b.rb"
# expect: "b"
# expect: "b"
# expect: ".bashrc"
# expect: "/"
# expect: "b"
# expect: ""
# expect: "x.rb"
# expect: "/a"
# expect: "."
# expect: "/"
# expect: "a"
# expect: "/"
# expect: "."
# expect: ".rb"
# expect: ""
# expect: "."
# expect: ".c"
# expect: ".y"
# expect: ""
# expect: ""
# expect: "a/b"
# expect: "a/b"
# expect: ""
# expect: "a/b/c"
# expect: "/x"
# expect: "a/"
# expect: "no implicit conversion of Integer into String"
# expect: "/b/c/d"
# expect: "/tmp/x"
# expect: "/tmp/x"
# expect: "/"
# expect: "/"
# expect: "/a/b"
# expect: true
# expect: false
# expect: ["/a", "b"]
# expect: [".", "c"]
# expect: "/"
# expect: nil
# expect: ":"
# expect: "io_path_test.rb"
# expect: true
