# Timeout's error is made in the thread it stops, as in CRuby 3.1: its
# #exception throws out of the block, so a rescue inside the block does not
# swallow it; Thread#raise from another thread still raises there
require "timeout"
r = Timeout.timeout(0.1) { begin; sleep 2; rescue => e; p [:inner, e.class]; end; :done } rescue $!.class
p r                                                                   # expect: Timeout::Error
p((Timeout.timeout(0.1, ArgumentError) { sleep 2 } rescue $!.class))  # expect: ArgumentError
t = Thread.new { Thread.current.report_on_exception = false; sleep }
sleep 0.01
t.raise(IOError, "x")
p((t.join rescue [$!.class, $!.message]))                             # expect: [IOError, "x"]
p Timeout.timeout(1) { :fast }                                        # expect: :fast
