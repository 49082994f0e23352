# bench/http/raw.rb PORT -- a TCPServer HTTP/1.1 server, a thread per connection, keep-alive (bench/http.sh)
require 'socket'
port = Integer(ARGV[0])
server = TCPServer.new("127.0.0.1", port)
$stdout.puts "ready"; $stdout.flush
loop do
  c = server.accept
  Thread.new(c) do |conn|
    while (line = conn.gets)
      keep = !line.end_with?("HTTP/1.0\r\n")
      while (h = conn.gets) && h != "\r\n"
        keep = true if h =~ /\Aconnection: *keep-alive/i
      end
      body = "hello world\n"
      conn.write "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: #{body.bytesize}\r\n#{keep ? '' : "Connection: close\r\n"}\r\n#{body}"
      break unless keep
    end
    conn.close
  end
end
