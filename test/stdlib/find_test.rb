# Find.find over a tree, in CRuby's order, and Find.prune
require "find"
require "tmpdir"
require "fileutils"
Dir.mktmpdir do |d|
  FileUtils.mkdir_p(["#{d}/a/b", "#{d}/a/c", "#{d}/skip/deep"])
  %w[a/x.rb a/b/y.rb a/c/z.txt skip/deep/w.rb top.rb].each { |f| File.write("#{d}/#{f}", "") }
  rel = ->(p) { p.delete_prefix(d) }
  p Find.find(d).map(&rel).sort
  kept = []
  Find.find(d) do |path|
    Find.prune if File.basename(path) == "skip"
    kept << rel.(path) if path.end_with?(".rb")
  end
  p kept.sort
  p Find.find("#{d}/a", "#{d}/top.rb").count, Find.find(d).first == d
  begin
    Find.find("#{d}/nope") { }
  rescue Errno::ENOENT => e
    p e.class
  end
end
# expect: ["", "/a", "/a/b", "/a/b/y.rb", "/a/c", "/a/c/z.txt", "/a/x.rb", "/skip", "/skip/deep", "/skip/deep/w.rb", "/top.rb"]
# expect: ["/a/b/y.rb", "/a/x.rb", "/top.rb"]
# expect: 7
# expect: true
# expect: Errno::ENOENT
