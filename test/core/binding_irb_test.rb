# Binding#irb: a read-eval-print loop in the binding, then the program goes on
require "rbconfig"
out = IO.popen([RbConfig.ruby, "-e", "x = 5; binding.irb; puts :after"], "r+") do |io|
  io.puts "x * 2"
  io.close_write
  io.read
end
p out.include?("10"), out.end_with?("after\n")
# expect: true
# expect: true
