# Readline.readline on a terminal (PTY.spawn): the completion proc completes
# "ban" at Tab, the line goes into the history; and reading from a pipe (input=).
require 'pty'
child = <<~'RB'
  require 'readline'
  Readline.completion_proc = proc { |w| %w[apple apricot banana].grep(/\A#{Regexp.escape(w)}/) }
  Readline.completion_append_character = " "
  line = Readline.readline("> ", true)
  File.write(ARGV[0], [line, Readline::HISTORY.to_a].inspect)
RB
out = "/tmp/rlc_out_#{$$}"
require "rbconfig"
ruby = RbConfig.ruby
PTY.spawn(ruby, "-e", child, out) do |r, w, pid|
  r.readpartial(100)            # the prompt
  w.write("ban\tsplit\r")
  Process.wait(pid)
end
puts File.read(out)
File.delete(out)
require 'readline'
r, w = IO.pipe
w.puts "from pipe"
w.puts "second"
w.close
Readline.input = r
p Readline.readline("p> ", true), Readline.readline("p> "), Readline.readline("p> "), Readline::HISTORY.to_a
# expect: ["banana split", ["banana split"]]
# expect: "from pipe"
# expect: "second"
# expect: nil
# expect: ["from pipe"]
