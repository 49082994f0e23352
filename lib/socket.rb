# socket.rb -- maglev's socket library: the Ruby half over socket.so
# (src/ext/socket.c: the system calls, the constants, sockaddr packing).
# Here: Addrinfo, Socket::Option, the address Arrays of #addr/#peeraddr,
# getsockopt/setsockopt argument forms, Socket.getaddrinfo, Socket.tcp/unix,
# UDPSocket#recvfrom, UNIXSocket.pair, and the inspect forms. CRuby 3.1 is the
# specification (this file shadows CRuby's socket.rb, which needs more of the C
# API than socket.so offers).
require 'socket.so'
require 'io/wait'

class IO
  unless const_defined?(:EINPROGRESSWaitWritable, false)
    class EINPROGRESSWaitWritable < Errno::EINPROGRESS
      include IO::WaitWritable
    end
  end
end

class Addrinfo
  # Addrinfo.new(sockaddr, family = nil, socktype = 0, protocol = 0); sockaddr is a
  # packed String or an Array ["AF_INET", port, host, ip] / ["AF_UNIX", path]
  def initialize(sockaddr, family = nil, socktype = 0, protocol = 0, canonname = nil, inspectname = nil)
    if sockaddr.is_a?(Array)
      if sockaddr[0] == "AF_UNIX"
        sockaddr = Socket.sockaddr_un(sockaddr[1])
      else
        sockaddr = Socket.sockaddr_in(sockaddr[1], sockaddr[3] || sockaddr[2])
      end
    end
    @sockaddr = sockaddr.b.freeze
    @afamily = @sockaddr.unpack1("S")
    @pfamily = family ? Socket.__const(family, "PF_", "protocol family") : @afamily
    @socktype = Socket.__const(socktype || 0, "SOCK_", "socktype")
    @protocol = protocol || 0
    @canonname = canonname
    @inspectname = inspectname
  end

  attr_reader :afamily, :pfamily, :socktype, :protocol, :canonname

  def self.getaddrinfo(nodename, service, family = nil, socktype = nil, protocol = nil, flags = nil, timeout: nil)
    host = nodename.nil? ? nil : nodename.to_s
    Socket.__getaddrinfo(nodename, service, family, socktype, protocol, flags).map do |sa, fam, st, pr, canon|
      new(sa, fam, st, pr, canon, __inspectname(host, sa))
    end
  end

  def self.__inspectname(host, sa)
    return nil if host.nil? || host.empty?
    ip = Socket.__sockaddr_ary(sa)[3]
    host == ip ? nil : host
  end

  def self.foreach(nodename, service, family = nil, socktype = nil, protocol = nil, flags = nil, timeout: nil, &block)
    getaddrinfo(nodename, service, family, socktype, protocol, flags).each(&block)
  end

  def self.tcp(host, port)
    getaddrinfo(host, port, nil, :STREAM, Socket::IPPROTO_TCP).first
  end

  def self.udp(host, port)
    getaddrinfo(host, port, nil, :DGRAM, Socket::IPPROTO_UDP).first
  end

  def self.ip(host)
    ai = getaddrinfo(host, nil, nil, :STREAM).first
    new(ai.to_sockaddr, ai.pfamily, 0, 0, nil, ai.instance_variable_get(:@inspectname))
  end

  def self.unix(path, socktype = :STREAM)
    new(Socket.sockaddr_un(path), Socket::PF_UNIX, socktype, 0)
  end

  def to_sockaddr = @sockaddr
  alias to_s to_sockaddr

  def ip? = @afamily == Socket::AF_INET || @afamily == Socket::AF_INET6
  def ipv4? = @afamily == Socket::AF_INET
  def ipv6? = @afamily == Socket::AF_INET6
  def unix? = @afamily == Socket::AF_UNIX

  def ip_unpack
    raise SocketError, "need IPv4 or IPv6 address" unless ip?
    a = Socket.__sockaddr_ary(@sockaddr)
    [a[3], a[1]]
  end

  def ip_address
    raise SocketError, "need IPv4 or IPv6 address" unless ip?
    Socket.__sockaddr_ary(@sockaddr)[3]
  end

  def ip_port
    raise SocketError, "need IPv4 or IPv6 address" unless ip?
    Socket.__sockaddr_ary(@sockaddr)[1]
  end

  def unix_path
    raise SocketError, "need AF_UNIX address" unless unix?
    Socket.unpack_sockaddr_un(@sockaddr)
  end

  def ipv4_loopback? = ipv4? && ip_address.start_with?("127.")
  def ipv6_loopback? = ipv6? && ip_address == "::1"
  def ipv4_private?
    return false unless ipv4?
    a, b = ip_address.split(".").map(&:to_i)
    a == 10 || (a == 172 && (16..31).cover?(b)) || (a == 192 && b == 168)
  end

  def getnameinfo(flags = 0)
    Socket.__getnameinfo(@sockaddr, flags)
  end

  def inspect_sockaddr
    if unix?
      path = unix_path
      path.empty? ? "empty-path-AF_UNIX-sockaddr" : path
    elsif ipv6?
      port = ip_port
      port == 0 ? ip_address : "[#{ip_address}]:#{port}"
    elsif ipv4?
      port = ip_port
      port == 0 ? ip_address : "#{ip_address}:#{port}"
    else
      "unknown address family #{@afamily}"
    end
  end

  def inspect
    s = +"#<Addrinfo: #{inspect_sockaddr}"
    if ip?
      if @socktype == Socket::SOCK_STREAM && (@protocol == 0 || @protocol == Socket::IPPROTO_TCP)
        s << " TCP"
      elsif @socktype == Socket::SOCK_DGRAM && (@protocol == 0 || @protocol == Socket::IPPROTO_UDP)
        s << " UDP"
      elsif @socktype != 0
        s << " #{Socket.__const_name(@socktype, 'SOCK_')}"
      end
    elsif @socktype != 0
      s << " #{Socket.__const_name(@socktype, 'SOCK_')}"
    end
    s << " (#{@inspectname})" if @inspectname
    s << ">"
  end

  def ==(other)
    other.is_a?(Addrinfo) && to_sockaddr == other.to_sockaddr && socktype == other.socktype
  end

  def socket(&block)
    sock = Socket.new(@pfamily, @socktype, @protocol)
    return sock unless block
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end
  private :socket

  def connect(timeout: nil, &block)
    sock = Socket.new(@pfamily, @socktype, @protocol)
    begin
      sock.connect(self)
    rescue Exception
      sock.close
      raise
    end
    return sock unless block
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end

  def bind
    sock = Socket.new(@pfamily, @socktype, @protocol)
    sock.setsockopt(:SOCKET, :REUSEADDR, true) if @socktype == Socket::SOCK_STREAM
    sock.bind(self)
    return sock unless block_given?
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end

  def listen(backlog = Socket::SOMAXCONN)
    sock = bind
    sock.listen(backlog)
    return sock unless block_given?
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end
end

class Socket < BasicSocket
  # an Integer constant from an Integer, Symbol or String naming it (with or without prefix)
  def self.__const(v, prefix, what)
    return v if v.is_a?(Integer)
    name = v.to_s
    name = prefix + name unless name.start_with?(prefix)
    if Socket::Constants.const_defined?(name, false)
      Socket::Constants.const_get(name)
    elsif prefix == "PF_" && Socket::Constants.const_defined?("AF_" + name.delete_prefix("PF_"), false)
      Socket::Constants.const_get("AF_" + name.delete_prefix("PF_"))
    else
      raise SocketError, "unknown #{what}: #{v}"
    end
  end

  def self.__const_name(v, prefix)
    Socket::Constants.constants.each do |c|
      next unless c.start_with?(prefix)
      return c.to_s if Socket::Constants.const_get(c) == v
    end
    v.to_s
  end

  # Socket.getaddrinfo(host, port, family = nil, socktype = nil, protocol = nil, flags = nil,
  # reverse_lookup = nil) -> [["AF_INET", port, host, ip, family, socktype, protocol], ...]
  def self.getaddrinfo(host, port, family = nil, socktype = nil, protocol = nil, flags = nil, reverse_lookup = nil)
    reverse = reverse_lookup.nil? ? !BasicSocket.do_not_reverse_lookup : (reverse_lookup == true || reverse_lookup == :hostname)
    __getaddrinfo(host, port, family, socktype, protocol, flags).map do |sa, fam, st, pr, _canon|
      Socket.__sockaddr_ary(sa, reverse) + [fam, st, pr]
    end
  end

  def self.getnameinfo(sockaddr, flags = 0)
    if sockaddr.is_a?(Array)
      sockaddr = sockaddr_in(sockaddr[1], sockaddr[3] || sockaddr[2])
    end
    __getnameinfo(sockaddr, flags)
  end

  def self.gethostbyname(name)
    ais = Addrinfo.getaddrinfo(name, nil, nil, :STREAM)
    raise SocketError, "getaddrinfo: Name or service not known" if ais.empty?
    [name, [], ais[0].afamily] + ais.map(&:ip_address).uniq
  end

  def self.ip_address_list
    [Addrinfo.ip("127.0.0.1")]
  end

  def self.pair(domain = :UNIX, type = :STREAM, protocol = 0)
    __socketpair(Socket, domain, type, protocol)
  end

  class << self
    alias socketpair pair
  end

  # Socket.tcp(host, port, local_host = nil, local_port = nil, connect_timeout: nil) [{ |sock| }]
  def self.tcp(host, port, local_host = nil, local_port = nil, connect_timeout: nil, resolv_timeout: nil)
    last_error = nil
    sock = nil
    local = local_host || local_port ? Addrinfo.getaddrinfo(local_host, local_port, nil, :STREAM) : nil
    Addrinfo.getaddrinfo(host, port, nil, :STREAM).each do |ai|
      s = Socket.new(ai.pfamily, ai.socktype, ai.protocol)
      begin
        if local
          la = local.find { |l| l.afamily == ai.afamily }
          if la
            s.setsockopt(:SOCKET, :REUSEADDR, true)
            s.bind(la)
          end
        end
        s.connect(ai)
        sock = s
        break
      rescue SystemCallError => e
        s.close
        last_error = e
      end
    end
    raise last_error if sock.nil? && last_error
    raise SocketError, "no appropriate local address" if sock.nil?
    return sock unless block_given?
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end

  def self.unix(path)
    sock = Socket.new(:UNIX, :STREAM)
    begin
      sock.connect(Socket.sockaddr_un(path))
    rescue Exception
      sock.close
      raise
    end
    return sock unless block_given?
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end

  def self.unix_server_socket(path)
    sock = Addrinfo.unix(path).bind
    sock.listen(Socket::SOMAXCONN)
    return sock unless block_given?
    begin
      yield sock
    ensure
      sock.close unless sock.closed?
    end
  end

  def self.tcp_server_sockets(host = nil, port)
    ais = Addrinfo.getaddrinfo(host, port, nil, :STREAM, nil, Socket::AI_PASSIVE)
    ai = ais.find(&:ipv4?) || ais.first
    socks = [ai.listen]
    return socks unless block_given?
    begin
      yield socks
    ensure
      socks.each { |s| s.close unless s.closed? }
    end
  end

  def connect(addr)
    __connect(addr, false, true)
  end

  def connect_nonblock(addr, exception: true)
    __connect(addr, true, exception)
  end

  def accept
    sock, sa = __accept(false, true)
    [sock, Addrinfo.new(sa, nil, local_address.socktype, 0)]
  end

  def accept_nonblock(exception: true)
    r = __accept(true, exception)
    return r if r == :wait_readable
    [r[0], Addrinfo.new(r[1], nil, local_address.socktype, 0)]
  end

  def recvfrom(maxlen, flags = 0)
    data, _ = __recvfrom(maxlen, flags, false, true)
    [data, remote_or_local_addrinfo]
  end

  def inspect
    return "#<#{self.class}:(closed)>" if closed?
    "#<#{self.class}:fd #{fileno}>"
  end

  private def remote_or_local_addrinfo
    remote_address
  rescue SystemCallError
    local_address
  end
end

class Socket::Option
  attr_reader :family, :level, :optname, :data

  def initialize(family, level, optname, data)
    @family = Socket.__const(family, "AF_", "socket domain")
    @level = BasicSocket.__level(level)
    @optname = BasicSocket.__optname(@level, optname)
    @data = data.to_s.b
  end

  def self.int(family, level, optname, i) = new(family, level, optname, [i].pack("i"))
  def self.bool(family, level, optname, b) = new(family, level, optname, [b ? 1 : 0].pack("i"))
  def self.linger(onoff, secs)
    new(:UNSPEC, :SOCKET, :LINGER, [onoff == true ? 1 : onoff == false ? 0 : onoff.to_i, secs].pack("ii"))
  end

  def int
    raise TypeError, "size differ.  expected as sizeof(int)=4 but #{@data.bytesize}" unless @data.bytesize == 4
    @data.unpack1("i")
  end

  def bool
    case @data.bytesize
    when 1 then @data.unpack1("C") != 0
    when 4 then @data.unpack1("i") != 0
    else raise TypeError, "size differ.  expected as sizeof(int)=4 but #{@data.bytesize}"
    end
  end

  def linger
    on, secs = @data.unpack("ii")
    [on != 0, secs]
  end

  def unpack(template) = @data.unpack(template)
  alias to_s data

  def inspect
    fam = Socket.__const_name(@family, "AF_").delete_prefix("AF_")
    lev, opt = BasicSocket.__level_name(@level), BasicSocket.__optname_name(@level, @optname)
    val = @data.bytesize == 4 ? @data.unpack1("i").to_s : @data.inspect
    "#<Socket::Option: #{fam} #{lev} #{opt} #{val}>"
  end
end

class BasicSocket < IO
  LEVELS = { "SOCKET" => Socket::SOL_SOCKET, "TCP" => Socket::IPPROTO_TCP, "IP" => Socket::IPPROTO_IP,
             "IPV6" => Socket::IPPROTO_IPV6, "UDP" => Socket::IPPROTO_UDP }.freeze
  LEVEL_PREFIX = { Socket::SOL_SOCKET => "SO_", Socket::IPPROTO_TCP => "TCP_", Socket::IPPROTO_IP => "IP_",
                   Socket::IPPROTO_IPV6 => "IPV6_", Socket::IPPROTO_UDP => "UDP_" }.freeze
  private_constant :LEVELS, :LEVEL_PREFIX

  def self.__level(level)
    return level if level.is_a?(Integer)
    name = level.to_s.sub(/\A(SOL_|IPPROTO_)/, "")
    LEVELS.fetch(name) { raise SocketError, "unknown protocol level: #{level}" }
  end

  def self.__level_name(level)
    LEVELS.key(level) || level.to_s
  end

  def self.__optname(level, optname)
    return optname if optname.is_a?(Integer)
    prefix = LEVEL_PREFIX[level] or raise SocketError, "unknown socket level: #{level}"
    name = optname.to_s
    name = prefix + name unless name.start_with?(prefix)
    Socket::Constants.const_defined?(name, false) or
      raise SocketError, "unknown #{__level_name(level) == 'SOCKET' ? 'socket' : __level_name(level)} level option name: #{optname}"
    Socket::Constants.const_get(name)
  end

  def self.__optname_name(level, optname)
    prefix = LEVEL_PREFIX[level]
    return optname.to_s unless prefix
    Socket.__const_name(optname, prefix).delete_prefix(prefix)
  end

  @do_not_reverse_lookup = true
  class << self
    attr_accessor :do_not_reverse_lookup
  end

  def do_not_reverse_lookup
    @do_not_reverse_lookup.nil? ? BasicSocket.do_not_reverse_lookup : @do_not_reverse_lookup
  end
  attr_writer :do_not_reverse_lookup

  def getsockopt(level, optname)
    lev = BasicSocket.__level(level)
    opt = BasicSocket.__optname(lev, optname)
    Socket::Option.new(__family, lev, opt, __getsockopt(lev, opt))
  end

  # setsockopt(level, optname, value) / setsockopt(Socket::Option)
  def setsockopt(level, optname = nil, value = nil)
    if level.is_a?(Socket::Option)
      return __setsockopt(level.level, level.optname, level.data)
    end
    lev = BasicSocket.__level(level)
    opt = BasicSocket.__optname(lev, optname)
    data = case value
           when true then [1].pack("i")
           when false, nil then [0].pack("i")
           when Integer then [value].pack("i")
           else value.to_str
           end
    __setsockopt(lev, opt, data)
  end

  def local_address
    Addrinfo.new(getsockname, nil, __getsockopt(Socket::SOL_SOCKET, Socket::SO_TYPE).unpack1("i"), 0)
  end

  def remote_address
    Addrinfo.new(getpeername, nil, __getsockopt(Socket::SOL_SOCKET, Socket::SO_TYPE).unpack1("i"), 0)
  end

  def connect_address
    local_address
  end

  private def __family
    getsockname.unpack1("S")
  end
end

class IPSocket < BasicSocket
  def self.getaddress(host)
    Addrinfo.getaddrinfo(host, nil, nil, :STREAM).first.ip_address
  end

  def addr(reverse_lookup = nil)
    Socket.__sockaddr_ary(getsockname, __reverse?(reverse_lookup))
  end

  def peeraddr(reverse_lookup = nil)
    Socket.__sockaddr_ary(getpeername, __reverse?(reverse_lookup))
  end

  def recvfrom(maxlen, flags = 0)
    __recvfrom(maxlen, flags, false, true)
  end

  def inspect
    return "#<#{self.class}:(closed)>" if closed?
    a = addr
    "#<#{self.class}:fd #{fileno}, #{a[0]}, #{a[3]}, #{a[1]}>"
  rescue SystemCallError
    "#<#{self.class}:fd #{fileno}>"
  end

  private def __reverse?(arg)
    case arg
    when nil then !do_not_reverse_lookup
    when true, :hostname then true
    when false, :numeric then false
    else raise TypeError, "invalid reverse_lookup flag: #{arg.inspect}"
    end
  end
end

class TCPSocket < IPSocket
  def self.gethostbyname(host)
    Socket.gethostbyname(host)
  end
end

class UDPSocket < IPSocket
  def recvfrom_nonblock(maxlen, flags = 0, outbuf = nil, exception: true)
    __recvfrom(maxlen, flags, true, exception, outbuf)
  end
end

class UNIXSocket < BasicSocket
  def self.pair(type = :STREAM, protocol = 0)
    Socket.__socketpair(self, :UNIX, type, protocol)
  end

  class << self
    alias socketpair pair
  end

  def path
    @__path ||= Socket.unpack_sockaddr_un(getsockname)
  end

  def addr
    ["AF_UNIX", path]
  end

  def peeraddr
    ["AF_UNIX", Socket.unpack_sockaddr_un(getpeername)]
  end

  def recvfrom(maxlen, flags = 0)
    data, = __recvfrom(maxlen, flags, false, true)
    [data, ["AF_UNIX", ""]]
  end

  def inspect
    return "#<#{self.class}:(closed)>" if closed?
    "#<#{self.class}:fd #{fileno}#{path.empty? ? '' : ", #{path}"}>"
  end
end
