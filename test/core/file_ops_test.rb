# File's mode, owner and link operations, File.fnmatch, IO#pos=, pack of nil
require "tmpdir"
Dir.mktmpdir do |dir|
  path = File.join(dir, "f.txt")
  File.write(path, "hello world")
  p File.chmod(0600, path)
  printf("%o\n", File.stat(path).mode & 0777)
  old = File.umask(022)
  p File.umask
  File.umask(old)
  link = File.join(dir, "l.txt")
  p File.symlink(path, link)
  p File.readlink(link) == path
  p File.symlink?(link)
  p File.link(path, File.join(dir, "h.txt"))
  p File.read(File.join(dir, "h.txt"))
  p File.chown(nil, nil, path)
  b = File.binread(path)
  p b, b.encoding, IO.binread(path, 5, 6)
  p IO.binwrite(File.join(dir, "b.bin"), "ab\xff".b), File.binread(File.join(dir, "b.bin")).bytes
  File.open(path, "r+") do |f|
    p(f.pos = 6)
    p f.read
    f.pos = 0
    p f.read(5)
    p f.chmod(0644)
  end
  printf("%o\n", File.stat(path).mode & 0777)
  begin
    File.readlink(File.join(dir, "missing"))
  rescue SystemCallError => e
    p e.class
  end
  begin
    File.chmod(0644, File.join(dir, "missing"))
  rescue SystemCallError => e
    p e.class
  end
end
p [File::FNM_NOESCAPE, File::FNM_PATHNAME, File::FNM_DOTMATCH, File::FNM_CASEFOLD, File::FNM_EXTGLOB]
[
  ["cat", "cat"], ["cat", "category"], ["c{at,ub}s", "cats"], ["c{at,ub}s", "cubs", File::FNM_EXTGLOB],
  ["c?t", "cat"], ["c??t", "cat"], ["c*", "cats"], ["c*t", "c/a/b/t"], ["ca[a-z]", "cat"], ["ca[^t]", "cat"],
  ["cat", "CAT"], ["cat", "CAT", File::FNM_CASEFOLD], ["?", "/", File::FNM_PATHNAME], ["*", "/", File::FNM_PATHNAME],
  ["\\?", "?"], ["\\a", "\\a", File::FNM_NOESCAPE], ["*", ".profile"], ["*", ".profile", File::FNM_DOTMATCH],
  [".*", ".profile"], ["*", "dave/.profile"], ["**/*", "dave/.profile", File::FNM_PATHNAME],
  ["**/foo", "a/b/c/foo", File::FNM_PATHNAME], ["**/foo", "a/.b/c/foo", File::FNM_PATHNAME],
  ["**/foo", "a/.b/c/foo", File::FNM_PATHNAME | File::FNM_DOTMATCH], ["*/foo", "a/b/foo", File::FNM_PATHNAME],
  ["a/**/b", "a/b", File::FNM_PATHNAME], ["lib/**/*.rb", "lib/a/b.rb", File::FNM_PATHNAME], ["**.rb", "lib/song.rb"],
].each { |args| p File.fnmatch(*args) }
p File.fnmatch?("*.gem", "x.gem")
p [nil, "ab", nil].pack("a3a2Z*")
p [nil].pack("A3")
t = Time.at(0).utc.freeze
p t.utc.equal?(t)
begin
  Time.at(0).freeze.localtime("+09:00")
rescue => e
  p e.class
end
# expect: 1
# expect: 600
# expect: 18
# expect: 0
# expect: true
# expect: true
# expect: 0
# expect: "hello world"
# expect: 1
# expect: "hello world"
# expect: #<Encoding:ASCII-8BIT>
# expect: "world"
# expect: 3
# expect: [97, 98, 255]
# expect: 6
# expect: "world"
# expect: "hello"
# expect: 0
# expect: 644
# expect: Errno::ENOENT
# expect: Errno::ENOENT
# expect: [1, 2, 4, 8, 16]
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: "\x00\x00\x00ab\x00"
# expect: "   "
# expect: true
# expect: FrozenError
