# Dir objects: Dir.new / Dir.open, read, each, children, each_child, pos / seek, close;
# Dir.exists?, Dir.chroot
require "tmpdir"
Dir.mktmpdir do |dir|
  File.write(File.join(dir, "a"), "")
  File.write(File.join(dir, "b"), "")
  Dir.mkdir(File.join(dir, "c"))
  d = Dir.new(dir)
  p d.path == dir, d.to_path == dir, d.inspect == "#<Dir:#{dir}>"
  p d.fileno.class
  names = []
  while (n = d.read); names << n; end
  p names.sort, d.read
  p d.rewind.equal?(d)
  p d.each.class, d.each { }.equal?(d)
  p d.read
  d.rewind
  p d.children.sort
  p d.children
  d.rewind
  p d.each_child.class, d.each_child.to_a.sort
  d.rewind
  pos0 = d.pos
  p pos0.class, d.tell == pos0
  first = d.read
  pos1 = d.tell
  second = d.read
  p d.seek(pos1).equal?(d), d.read == second
  p (d.pos = pos0) == pos0, d.read == first
  p d.close, d.close
  [-> { d.read }, -> { d.each {} }, -> { d.children }, -> { d.pos }, -> { d.tell }, -> { d.rewind }, -> { d.fileno }, -> { d.seek(0) }].each do |l|
    l.call
  rescue IOError => e
    p e
  end
  p d.path == dir, d.inspect == "#<Dir:#{dir}>"
  r = Dir.open(dir) { |x| p x.class; x.children.size }
  p r
  x = Dir.open(dir)
  p x.class
  x.close
  p Dir.new(dir, encoding: "UTF-8").read.encoding
  p Dir.new(dir).read.encoding
  begin; Dir.new(File.join(dir, "nope")); rescue SystemCallError => e; p e.class; end
  begin; Dir.open(File.join(dir, "a")); rescue SystemCallError => e; p e.class; end
  p Dir.exists?(dir), Dir.exists?(File.join(dir, "a"))
  begin; Dir.chroot(File.join(dir, "nope")); rescue SystemCallError => e; p e.class; end
  p Dir.new(dir).map(&:size).sum, Dir.ancestors.include?(Enumerable)
  p Dir.open(dir) { |x| x.each { |n| break n if n == "a" } }
  p Dir.new(dir).each_child.size
  p Dir.new(dir).each_child.size
  o = Object.new
  def o.to_path = Dir.tmpdir
  p Dir.new(o).path == Dir.tmpdir
  p Dir.allocate.inspect.start_with?("#<Dir:0x")
  begin; Dir.allocate.read; rescue IOError => e; p e; end
  begin; Dir.new(dir).seek("x"); rescue TypeError => e; p e; end
end
# expect: true
# expect: true
# expect: true
# expect: Integer
# expect: [".", "..", "a", "b", "c"]
# expect: nil
# expect: true
# expect: Enumerator
# expect: true
# expect: nil
# expect: ["a", "b", "c"]
# expect: ["b", "c", "a"]
# expect: Enumerator
# expect: ["a", "b", "c"]
# expect: Integer
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: nil
# expect: nil
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: #<IOError: closed directory>
# expect: true
# expect: true
# expect: Dir
# expect: 3
# expect: Dir
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: Errno::ENOENT
# expect: Errno::ENOTDIR
# expect: true
# expect: false
# expect: Errno::ENOENT
# expect: 6
# expect: true
# expect: "a"
# expect: nil
# expect: nil
# expect: true
# expect: true
# expect: #<IOError: closed directory>
# expect: #<TypeError: no implicit conversion of String into Integer>
