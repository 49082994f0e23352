# Pathname's file methods pass keyword arguments through (rdoc reads its index
# with Pathname#read(mode: 'r:utf-8')).
require 'pathname'
require 'tmpdir'
Dir.mktmpdir do |d|
  pa = Pathname(d) + "x.txt"
  pa.write("one\ntwo\n", mode: "w")
  pa.binwrite("three\n", mode: "a")
  p pa.read(mode: "r:utf-8"), pa.read(3, mode: "r"), pa.binread
  p pa.readlines(chomp: true), pa.each_line(chomp: true).to_a
end
# expect: "one\ntwo\nthree\n"
# expect: "one"
# expect: "one\ntwo\nthree\n"
# expect: ["one", "two", "three"]
# expect: ["one", "two", "three"]
