# io/wait sees data already read ahead into the IO's buffer (a pipelined request)
require 'socket'
require 'io/wait'
a, b = UNIXSocket.pair
b.write "one\ntwo\n"
p a.gets
p a.ready?, a.wait_readable(1) == a, a.nread
p a.gets
p a.wait_readable(0)

# expect: "one\n"
# expect: true
# expect: false
# expect: 4
# expect: "two\n"
# expect: nil
