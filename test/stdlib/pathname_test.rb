# pathname.rb over src/ext/pathname.c: construction, cleanpath, +, relative_path_from, predicates
require "pathname"
pa = Pathname.new("/usr/lib/../lib/ruby")
p pa, pa.to_s, pa.cleanpath, pa.basename, pa.dirname, pa.extname, pa.absolute?, pa.relative?
p Pathname("a/b") + "c", Pathname("a") / "b", Pathname("a/b/c.rb").sub_ext(".txt"), Pathname("x.tar.gz").extname
p Pathname("/a/b/c").relative_path_from(Pathname("/a/d")), Pathname("/").root?, Pathname("/usr/lib").parent
p Pathname("/usr").exist?, Pathname("/usr").directory?, Pathname("/nonexistent-zz").exist?
p Pathname("a/b/c").each_filename.to_a, Pathname("a/b").descend.map(&:to_s), Pathname("/a/b").ascend.map(&:to_s)
p Pathname("a") == Pathname("a"), Pathname("a") <=> Pathname("b"), Pathname("a").hash == Pathname("a").hash
p Pathname("a//b/../c").cleanpath, Pathname("lib").join("x", "y.rb"), Pathname.new("t").frozen?
begin
  Pathname.new("a\0b")
rescue ArgumentError => e
  p e.message
end

# expect: #<Pathname:/usr/lib/../lib/ruby>
# expect: "/usr/lib/../lib/ruby"
# expect: #<Pathname:/usr/lib/ruby>
# expect: #<Pathname:ruby>
# expect: #<Pathname:/usr/lib/../lib>
# expect: ""
# expect: true
# expect: false
# expect: #<Pathname:a/b/c>
# expect: #<Pathname:a/b>
# expect: #<Pathname:a/b/c.txt>
# expect: ".gz"
# expect: #<Pathname:../b/c>
# expect: true
# expect: #<Pathname:/usr>
# expect: true
# expect: true
# expect: false
# expect: ["a", "b", "c"]
# expect: ["a", "a/b"]
# expect: ["/a/b", "/a", "/"]
# expect: true
# expect: -1
# expect: true
# expect: #<Pathname:a/c>
# expect: #<Pathname:lib/x/y.rb>
# expect: false
# expect: "pathname contains null byte"
