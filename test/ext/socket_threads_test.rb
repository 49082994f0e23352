# Blocking socket calls (accept, connect, gets, read, write, IO.select, wait_readable)
# let other green threads run: a server thread and clients in one process.
require 'socket'
server = TCPServer.new("127.0.0.1", 0)
port = server.addr[1]
st = Thread.new do
  2.times do
    c = server.accept
    while (line = c.gets)
      c.puts "echo #{line.chomp}"
    end
    c.close
  end
  :done
end
2.times do |i|
  s = TCPSocket.new("127.0.0.1", port)
  s.puts "hello #{i}"
  p s.gets
  s.write "big" * 100000 + "\n"
  p s.gets.size
  s.close_write
  p s.read
  s.close
end
p st.value
a, b = UNIXSocket.pair
t = Thread.new { x = a.readpartial(100); a.write x.upcase; a.close; x }
b.write "ping"
p b.read, t.value
r = Thread.new { server.accept_nonblock(exception: false) }
p r.value
w = Thread.new { IO.select([server], nil, nil, 5)&.first&.size }
c = TCPSocket.new("127.0.0.1", port)
p w.value

# a blocked reader thread does not stop the main thread from working
q = Queue.new
x, y = UNIXSocket.pair
reader = Thread.new { q << :waiting; x.gets }
p q.pop
y.puts "late"
p reader.value
waiter = Thread.new { x.wait_readable(10) ? x.read(3) : :timeout }
Thread.pass until waiter.status == "sleep"
y.write "abc"
p waiter.value
# a UDP recvfrom in a thread
u = UDPSocket.new
u.bind("127.0.0.1", 0)
rt = Thread.new { u.recvfrom(10)[0] }
UDPSocket.new.send("udp!", 0, "127.0.0.1", u.addr[1])
p rt.value

# expect: "echo hello 0\n"
# expect: 300006
# expect: ""
# expect: "echo hello 1\n"
# expect: 300006
# expect: ""
# expect: :done
# expect: "PING"
# expect: "ping"
# expect: :wait_readable
# expect: 1
# expect: :waiting
# expect: "late\n"
# expect: "abc"
# expect: "udp!"
