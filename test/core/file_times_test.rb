# File#mtime/atime/ctime/birthtime, File.birthtime, File::Stat#birthtime/dev_major/..., File.exists?,
# File.truncate, the _real? predicates, File.lutime, File.realdirpath
require "tmpdir"
# a filesystem without birth times raises NotImplementedError (not a StandardError)
def btime_class
  yield.class
rescue NotImplementedError => e
  e.class
end
Dir.mktmpdir do |dir|
  path = File.join(dir, "a.txt")
  File.write(path, "hello world")
  File.open(path) do |f|
    p f.mtime == File.mtime(path), f.atime == File.atime(path), f.ctime == File.ctime(path)
    p f.mtime.class, [Time, NotImplementedError].include?(btime_class { f.birthtime })
  end
  p [Time, NotImplementedError].include?(btime_class { File.birthtime(path) })
  begin; File.birthtime(File.join(dir, "none")); rescue SystemCallError => e; p e.class, e.message.include?("rb_file_s_birthtime"); end
  st = File.stat(path)
  begin; st.birthtime; rescue NotImplementedError => e; p e; end
  p st.dev_major.class, st.dev_minor.class, st.dev_major == (st.dev >> 8) & 0xfff
  p File.stat("/dev/null").rdev_major, File.stat("/dev/null").rdev_minor
  p st.rdev_major, st.rdev_minor
  p File.exists?(path), File.exists?(File.join(dir, "none"))
  p File.truncate(path, 5), File.read(path)
  p File.truncate(path, 8), File.read(path)
  begin; File.truncate(File.join(dir, "none"), 0); rescue SystemCallError => e; p e.class, e.message.include?("rb_file_s_truncate"); end
  p File.readable_real?(path), File.writable_real?(path), File.executable_real?(path), File.executable_real?(dir)
  p File.readable_real?(File.join(dir, "none"))
  t = Time.at(1_000_000_000)
  p File.lutime(t, t, path), File.mtime(path) == t, File.atime(path) == t
  link = File.join(dir, "l")
  File.symlink(path, link)
  t2 = Time.at(1_100_000_000)
  p File.lutime(t2, t2, link), File.lstat(link).mtime == t2, File.mtime(path) == t
  p File.lutime(nil, nil, path), File.mtime(path) > t
  begin; File.lutime(t, t, File.join(dir, "none")); rescue SystemCallError => e; p e.class, e.message.include?("rb_file_s_lutime"); end
  p File.realdirpath(File.join(dir, "none")) == File.join(File.realpath(dir), "none")
  p File.realdirpath("none", dir) == File.join(File.realpath(dir), "none")
  p File.realdirpath(dir) == File.realpath(dir)
  p File.realdirpath(link) == File.realpath(path)
  begin; File.realdirpath(File.join(dir, "none", "x")); rescue SystemCallError => e; p e.class; end
  Dir.chdir(dir) { p File.realdirpath("x/..") rescue p $!.class; p File.realdirpath(".") == File.realpath(dir) }
end
["/", "/tmp", "/tmp/", "/tmp/nonexist", "/tmp/../nonexist", "/usr/bin/../lib", "//tmp//x", "/tmp/nonexist/", "/tmp/nonexist/..", "/nonexist/.."].each do |x|
  begin; p File.realdirpath(x); rescue SystemCallError => e; p e; end
end
p File.realdirpath("x", "/tmp"), File.realdirpath("../etc", "/tmp")
begin; File.realdirpath("x", "/nonexist/y"); rescue => e; p e; end
# expect: true
# expect: true
# expect: true
# expect: Time
# expect: true
# expect: true
# expect: Errno::ENOENT
# expect: true
# expect: #<NotImplementedError: birthtime() function is unimplemented on this machine>
# expect: Integer
# expect: Integer
# expect: true
# expect: 1
# expect: 3
# expect: 0
# expect: 0
# expect: true
# expect: false
# expect: 0
# expect: "hello"
# expect: 0
# expect: "hello\u0000\u0000\u0000"
# expect: Errno::ENOENT
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: false
# expect: 1
# expect: true
# expect: true
# expect: 1
# expect: true
# expect: true
# expect: 1
# expect: true
# expect: Errno::ENOENT
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: Errno::ENOENT
# expect: Errno::ENOENT
# expect: true
# expect: "/"
# expect: "/tmp"
# expect: "/tmp"
# expect: "/tmp/nonexist"
# expect: "/nonexist"
# expect: "/usr/lib"
# expect: "/tmp/x"
# expect: #<Errno::ENOENT: No such file or directory @ realpath_rec - /tmp/nonexist>
# expect: #<Errno::ENOENT: No such file or directory @ realpath_rec - /tmp/nonexist>
# expect: #<Errno::ENOENT: No such file or directory @ realpath_rec - /nonexist>
# expect: "/tmp/x"
# expect: "/etc"
# expect: #<Errno::ENOENT: No such file or directory @ realpath_rec - /nonexist>
