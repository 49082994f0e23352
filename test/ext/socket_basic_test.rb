# TCPServer/TCPSocket/UNIX/UDP basics, Addrinfo, Socket::Option, getaddrinfo, errors
require 'socket'
require 'tmpdir'

s = TCPServer.new("127.0.0.1", 0)
port = s.addr[1]
p s.addr.size, s.addr[0], s.addr[2], s.addr[3], port.is_a?(Integer) && port > 0
c = TCPSocket.new("127.0.0.1", port)
a = s.accept
p a.class, c.class, a.peeraddr[0], c.peeraddr[1] == port, c.addr[1] == a.peeraddr[1]
p c.remote_address.class, c.remote_address.inspect == "#<Addrinfo: 127.0.0.1:#{port} TCP>"
p c.local_address.ip_address, c.remote_address.ip_port == port
p c.getsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY).bool
c.setsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY, true)
o = c.getsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY)
p o.bool, o.int, o
p c.getsockopt(:SOCKET, :REUSEADDR)
p s.getsockopt(:SOCKET, :REUSEADDR).bool
p c.sync, a.sync, c.fileno.class
p c.inspect == "#<TCPSocket:fd #{c.fileno}, AF_INET, 127.0.0.1, #{c.addr[1]}>"

c.write "hello\nworld\n"
p a.gets, a.readpartial(100)
a.puts "line 1", "line 2"
p c.gets, c.each_line.first
c.close_write
p a.read
a.write "bye"
a.close
p c.read, c.closed?
c.close
p c.closed?, (c.addr rescue $!.class)

p s.accept_nonblock(exception: false)
begin
  s.accept_nonblock
rescue IO::WaitReadable => e
  p e.class, e.message
end
c2 = TCPSocket.new("localhost", port)
r, = IO.select([s], nil, nil, 5)
p r == [s]
a2 = s.accept_nonblock
p a2.class
p a2.read_nonblock(10, exception: false)
c2.write "x"
p a2.wait_readable(5) == a2, a2.read_nonblock(10)
p c2.write_nonblock("yz"), a2.readpartial(10)
c2.close; a2.close

begin
  TCPSocket.new("127.0.0.1", 1)
rescue => e
  p e.class, e.message
end
begin
  TCPServer.new("127.0.0.1", port)
rescue => e
  p e.class, e.message == "Address already in use - bind(2) for \"127.0.0.1\" port #{port}"
end
begin
  TCPSocket.new("nonexistent.invalid", 80)
rescue SocketError => e
  p e.class   # the message depends on the resolver (no network: EAI_AGAIN)
end
s.close
begin
  s.accept
rescue => e
  p e.class, e.message
end
s0 = TCPServer.new(0)
p s0.addr[0], s0.addr[2]
s0.close

p Socket::AF_INET, Socket::AF_INET6, Socket::AF_UNIX, Socket::SOCK_STREAM, Socket::SOCK_DGRAM
p Socket::IPPROTO_TCP, Socket::SOL_SOCKET, Socket::SO_REUSEADDR, Socket::TCP_NODELAY, Socket::Constants::AF_INET
p Socket.getaddrinfo("127.0.0.1", 80)
p Socket.getaddrinfo("localhost", 80, Socket::AF_INET, Socket::SOCK_STREAM)
p Socket.getaddrinfo("127.0.0.1", "http", nil, :STREAM)
begin
  Socket.getaddrinfo("127.0.0.1", "nosuchsvc")
rescue SocketError => e
  p e.message
end
p Socket.gethostname.class
p Addrinfo.tcp("127.0.0.1", 80), Addrinfo.tcp("127.0.0.1", 80).ip_port
p Addrinfo.udp("127.0.0.1", 53), Addrinfo.unix("/tmp/x"), Addrinfo.tcp("::1", 80), Addrinfo.ip("127.0.0.1")
p Addrinfo.tcp("localhost", 80), Addrinfo.tcp("127.0.0.1", 0)
p Addrinfo.getaddrinfo("127.0.0.1", 80, nil, :STREAM)
ai = Addrinfo.tcp("127.0.0.1", 80)
p ai.afamily, ai.pfamily, ai.socktype, ai.protocol, ai.ip?, ai.ipv4?, ai.ipv6?, ai.unix?
p ai.ip_unpack, ai.inspect_sockaddr, ai.to_sockaddr.bytesize, ai.ipv4_loopback?, ai.canonname
p Addrinfo.unix("/tmp/x").unix_path
p Socket.unpack_sockaddr_in(Socket.sockaddr_in(80, "127.0.0.1")), Socket.sockaddr_in(80, "127.0.0.1").encoding
begin
  Socket.new(:FOO, :STREAM)
rescue SocketError => e
  p e.message
end
p Socket::Option.bool(:INET, :SOCKET, :KEEPALIVE, true), Socket::Option.int(:INET, :SOCKET, :KEEPALIVE, 5)
p TCPServer.ancestors.take(4), UDPSocket.superclass, UNIXServer.superclass, Socket.superclass
p SocketError.superclass, BasicSocket.do_not_reverse_lookup

x, y = UNIXSocket.pair
p x.class, x.path, y.addr, x.peeraddr, x.remote_address
x.write "hi\n"
p y.gets
y.close
p x.read
p UNIXSocket.pair(:DGRAM).map(&:class)

Dir.mktmpdir do |dir|
  path = File.join(dir, "sock")
  us = UNIXServer.new(path)
  p us.path == path, us.addr == ["AF_UNIX", path]
  uc = UNIXSocket.new(path)
  ua = us.accept
  p uc.path, ua.path == path, uc.peeraddr == ["AF_UNIX", path], ua.class
  uc.puts "over unix"
  p ua.gets
  begin
    UNIXServer.new(path)
  rescue => e
    p e.class
  end
  Socket.unix(path) do |sock|
    p sock.class
    sa = us.accept
    sock.write "s"
    p sa.read(1)
    sa.close
  end
  File.unlink(path)
  begin
    UNIXSocket.new(path)
  rescue => e
    p e.class
  end
end

u = UDPSocket.new
u.bind("127.0.0.1", 0)
uport = u.addr[1]
v = UDPSocket.new
p v.send("dgram", 0, "127.0.0.1", uport)
d, from = u.recvfrom(100)
p d, from[0], from[2], from[1] == v.addr[1]
v.connect("127.0.0.1", uport)
v.send("two", 0)
p u.recv(10)
p u.recvfrom_nonblock(10, exception: false)
u.close; v.close

srv = TCPServer.new("127.0.0.1", 0)
Socket.tcp("127.0.0.1", srv.addr[1]) do |sock|
  p sock.class, sock.remote_address.ip_port == srv.addr[1]
  peer = srv.accept
  sock.write "via Socket.tcp"
  sock.close_write
  p peer.read
  peer.close
end
ls = Socket.new(:INET, :STREAM)
ls.bind(Addrinfo.tcp("127.0.0.1", 0))
ls.listen(5)
cs = Socket.new(Socket::AF_INET, Socket::SOCK_STREAM)
cs.connect(ls.local_address)
as, aai = ls.accept
p as.class, aai.class, aai.ip_address
cs.close; as.close; ls.close; srv.close

# expect: 4
# expect: "AF_INET"
# expect: "127.0.0.1"
# expect: "127.0.0.1"
# expect: true
# expect: TCPSocket
# expect: TCPSocket
# expect: "AF_INET"
# expect: true
# expect: true
# expect: Addrinfo
# expect: true
# expect: "127.0.0.1"
# expect: true
# expect: false
# expect: true
# expect: 1
# expect: #<Socket::Option: INET TCP NODELAY 1>
# expect: #<Socket::Option: INET SOCKET REUSEADDR 0>
# expect: true
# expect: true
# expect: true
# expect: Integer
# expect: true
# expect: "hello\n"
# expect: "world\n"
# expect: "line 1\n"
# expect: "line 2\n"
# expect: ""
# expect: "bye"
# expect: false
# expect: true
# expect: IOError
# expect: :wait_readable
# expect: IO::EAGAINWaitReadable
# expect: "Resource temporarily unavailable - accept(2) would block"
# expect: true
# expect: TCPSocket
# expect: :wait_readable
# expect: true
# expect: "x"
# expect: 2
# expect: "yz"
# expect: Errno::ECONNREFUSED
# expect: "Connection refused - connect(2) for \"127.0.0.1\" port 1"
# expect: Errno::EADDRINUSE
# expect: true
# expect: SocketError
# expect: IOError
# expect: "closed stream"
# expect: "AF_INET"
# expect: "0.0.0.0"
# expect: 2
# expect: 10
# expect: 1
# expect: 1
# expect: 2
# expect: 6
# expect: 1
# expect: 2
# expect: 1
# expect: 2
# expect: [["AF_INET", 80, "127.0.0.1", "127.0.0.1", 2, 1, 6], ["AF_INET", 80, "127.0.0.1", "127.0.0.1", 2, 2, 17], ["AF_INET", 80, "127.0.0.1", "127.0.0.1", 2, 3, 0]]
# expect: [["AF_INET", 80, "127.0.0.1", "127.0.0.1", 2, 1, 6]]
# expect: [["AF_INET", 80, "127.0.0.1", "127.0.0.1", 2, 1, 6]]
# expect: "getaddrinfo: Servname not supported for ai_socktype"
# expect: String
# expect: #<Addrinfo: 127.0.0.1:80 TCP>
# expect: 80
# expect: #<Addrinfo: 127.0.0.1:53 UDP>
# expect: #<Addrinfo: /tmp/x SOCK_STREAM>
# expect: #<Addrinfo: [::1]:80 TCP>
# expect: #<Addrinfo: 127.0.0.1>
# expect: #<Addrinfo: 127.0.0.1:80 TCP (localhost)>
# expect: #<Addrinfo: 127.0.0.1 TCP>
# expect: [#<Addrinfo: 127.0.0.1:80 TCP>]
# expect: 2
# expect: 2
# expect: 1
# expect: 6
# expect: true
# expect: true
# expect: false
# expect: false
# expect: ["127.0.0.1", 80]
# expect: "127.0.0.1:80"
# expect: 16
# expect: true
# expect: nil
# expect: "/tmp/x"
# expect: [80, "127.0.0.1"]
# expect: #<Encoding:ASCII-8BIT>
# expect: "unknown socket domain: FOO"
# expect: #<Socket::Option: INET SOCKET KEEPALIVE 1>
# expect: #<Socket::Option: INET SOCKET KEEPALIVE 5>
# expect: [TCPServer, TCPSocket, IPSocket, BasicSocket]
# expect: IPSocket
# expect: UNIXSocket
# expect: BasicSocket
# expect: StandardError
# expect: true
# expect: UNIXSocket
# expect: ""
# expect: ["AF_UNIX", ""]
# expect: ["AF_UNIX", ""]
# expect: #<Addrinfo: empty-path-AF_UNIX-sockaddr SOCK_STREAM>
# expect: "hi\n"
# expect: ""
# expect: [UNIXSocket, UNIXSocket]
# expect: true
# expect: true
# expect: ""
# expect: true
# expect: true
# expect: UNIXSocket
# expect: "over unix\n"
# expect: Errno::EADDRINUSE
# expect: Socket
# expect: "s"
# expect: Errno::ENOENT
# expect: 5
# expect: "dgram"
# expect: "AF_INET"
# expect: "127.0.0.1"
# expect: true
# expect: "two"
# expect: :wait_readable
# expect: Socket
# expect: true
# expect: "via Socket.tcp"
# expect: Socket
# expect: Addrinfo
# expect: "127.0.0.1"
