# io/console: methods exist; winsize on a non-terminal raises as CRuby
require "io/console"
p IO.method_defined?(:winsize), IO.method_defined?(:raw), IO.method_defined?(:noecho), IO.method_defined?(:getch), IO.respond_to?(:console)
r, w = IO.pipe
begin
  r.winsize
rescue => e
  p e.class
end
p IO.console.nil? || IO.console.is_a?(File)
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: Errno::ENOTTY
# expect: true
