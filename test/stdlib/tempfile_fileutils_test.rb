# tempfile, tmpdir and fileutils over File::Stat (src/ext/file_stat.c), File#flock/utime/identical?, finalizers at exit
require "tempfile"
require "tmpdir"
t = Tempfile.new("mg")
t.write("abc"); t.flush
p File.read(t.path), File.basename(t.path).start_with?("mg")
t.close; t.unlink
p t.path.nil?
Dir.mktmpdir("mgd") { |d| File.write(File.join(d, "x"), "1"); p Dir.children(d) }
Tempfile.create("c") { |f| f.puts "hi"; f.rewind; p f.read }
require "fileutils"
require "tmpdir"
Dir.mktmpdir do |d|
  FileUtils.mkdir_p(File.join(d, "a/b/c"))
  FileUtils.touch(File.join(d, "a/b/c/f.txt"))
  FileUtils.mv(File.join(d, "a/b/c/f.txt"), File.join(d, "h.txt"))
  p Dir.glob("**/*", base: d).sort
  FileUtils.rm_rf(File.join(d, "a"))
  FileUtils.rm(File.join(d, "h.txt"))
  p Dir.children(d).sort
end
st = File.stat("/")
p st.class, st.directory?, st.file?, st.ftype, st.size.class, st.mode.class, st.mtime.class
p File.stat("/usr/lib/ruby/3.1.0/set.rb").file?, File.lstat("/usr/lib/ruby/3.1.0/set.rb").symlink?
p File.ftype("/usr"), File.mtime("/").class, File.world_writable?("/tmp").class, File.sticky?("/tmp")
p File.identical?("/usr/lib/ruby/3.1.0/set.rb", "/usr/lib/ruby/3.1.0/../3.1.0/set.rb")
begin
  File.stat("/nonexistent-zz")
rescue SystemCallError => e
  p e.class, e.message
end
p File.stat("/") <=> File.stat("/")

# expect: "abc"
# expect: true
# expect: true
# expect: ["x"]
# expect: "hi\n"
# expect: ["a", "a/b", "a/b/c", "h.txt"]
# expect: []
# expect: File::Stat
# expect: true
# expect: false
# expect: "directory"
# expect: Integer
# expect: Integer
# expect: Time
# expect: true
# expect: false
# expect: "directory"
# expect: Time
# expect: Integer
# expect: true
# expect: true
# expect: Errno::ENOENT
# expect: "No such file or directory @ rb_file_s_stat - /nonexistent-zz"
# expect: 0
