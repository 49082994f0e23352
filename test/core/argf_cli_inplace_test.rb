# ruby -i[ext]: ARGF's in-place mode from the command line (RbConfig.ruby runs the same ruby)
require "rbconfig"
require "tmpdir"
Dir.mktmpdir do |dir|
  a = File.join(dir, "a.txt")
  b = File.join(dir, "b.txt")
  File.write(a, "a1\na2\n")
  File.write(b, "b1\n")
  p system(RbConfig.ruby, "-i.bak", "-e", "while (l = gets); print l.upcase; end", a, b)
  p File.read(a), File.read(b), File.read("#{a}.bak"), File.read("#{b}.bak")
  p system(RbConfig.ruby, "-i", "-e", "p ARGF.inplace_mode; while (l = gets); puts l.chomp.reverse; end", a)
  p File.read(a), Dir.children(dir).sort
end
# expect: true
# expect: "A1\nA2\n"
# expect: "B1\n"
# expect: "a1\na2\n"
# expect: "b1\n"
# expect: ""
# expect: true
# expect: "1A\n2A\n"
# expect: ["a.txt", "a.txt.bak", "b.txt", "b.txt.bak"]
