require "open3"
o, s = Open3.capture2("tr a-z A-Z", stdin_data: "hello")
p o, s.success?
o, e, s = Open3.capture3("echo out; echo err >&2; exit 2")
p o, e, s.exitstatus
o, s = Open3.capture2e("echo a; echo b >&2")
p o, s.success?
Open3.popen3("cat") do |i, o2, e2, t|
  i.puts "p3"
  i.close
  p o2.read, e2.read, t.value.success?, t.pid.is_a?(Integer)
end
require "fileutils"
d = "/tmp/mg_open3_fileutils_test_fu"
FileUtils.rm_rf(d)
FileUtils.mkdir_p("#{d}/a/b")
FileUtils.touch("#{d}/a/b/f.txt")
File.write("#{d}/a/x.txt", "data")
FileUtils.cp("#{d}/a/x.txt", "#{d}/y.txt")
FileUtils.cp_r("#{d}/a", "#{d}/c")
FileUtils.mv("#{d}/y.txt", "#{d}/z.txt")
p Dir.glob("#{d}/**/*").sort.map { |f| f.sub(d, "") }
p File.read("#{d}/z.txt"), File.read("#{d}/c/x.txt")
FileUtils.rm_rf(d)
p File.exist?(d)

# expect: "HELLO"
# expect: true
# expect: "out\n"
# expect: "err\n"
# expect: 2
# expect: "a\nb\n"
# expect: true
# expect: "p3\n"
# expect: ""
# expect: true
# expect: true
# expect: ["/a", "/a/b", "/a/b/f.txt", "/a/x.txt", "/c", "/c/b", "/c/b/f.txt", "/c/x.txt", "/z.txt"]
# expect: "data"
# expect: "data"
# expect: false
