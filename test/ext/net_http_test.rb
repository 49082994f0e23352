# Debian's net/http against a tiny TCPServer-based HTTP server in a thread: GET, POST, keep-alive
require 'socket'
require 'net/http'
server = TCPServer.new("127.0.0.1", 0)
port = server.addr[1]
Thread.new do
  loop do
    c = server.accept
    Thread.new(c) do |conn|
      loop do
        line = conn.gets or break
        meth, path, _ = line.split(" ")
        headers = {}
        while (h = conn.gets) && h != "\r\n"
          k, v = h.chomp.split(": ", 2)
          headers[k.downcase] = v
        end
        body = headers["content-length"] ? conn.read(headers["content-length"].to_i) : ""
        resp = "#{meth} #{path} body=#{body}"
        conn.write "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: #{resp.bytesize}\r\n\r\n#{resp}"
        break if headers["connection"] == "close"
      end
      conn.close
    end
  end
end
uri = URI("http://127.0.0.1:#{port}/hello")
puts Net::HTTP.get(uri)
res = Net::HTTP.post(URI("http://127.0.0.1:#{port}/form"), "a=1&b=2", "Content-Type" => "application/x-www-form-urlencoded")
p res.code, res.body, res["content-type"]
Net::HTTP.start("127.0.0.1", port) do |http|
  r1 = http.get("/one")
  r2 = http.request(Net::HTTP::Post.new("/two").tap { |r| r.body = "xyz" })
  p r1.body, r2.body, http.started?
end

# expect: GET /hello body=
# expect: "200"
# expect: "POST /form body=a=1&b=2"
# expect: "text/plain"
# expect: "GET /one body="
# expect: "POST /two body=xyz"
# expect: true
