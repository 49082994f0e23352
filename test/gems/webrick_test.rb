# WEBrick::HTTPServer on port 0 with mount_proc, served from a thread, fetched with Net::HTTP
require 'webrick'
require "stringio"
require 'net/http'
log = StringIO.new
server = WEBrick::HTTPServer.new(Port: 0, BindAddress: "127.0.0.1", Logger: WEBrick::Log.new(log), AccessLog: [])
server.mount_proc("/hi") do |req, res|
  res["Content-Type"] = "text/plain"
  res.body = "hi #{req.query['name']} #{req.request_method}"
end
server.mount_proc("/echo") do |req, res|
  res.body = req.body.to_s.reverse
end
port = server.config[:Port]
t = Thread.new { server.start }
Net::HTTP.start("127.0.0.1", port) do |http|
  r = http.get("/hi?name=bob")
  p r.code, r.body, r["content-type"]
  r = http.post("/echo", "abc")
  p r.code, r.body
  r = http.get("/missing")
  p r.code
end
server.shutdown
t.join
puts "stopped"

# expect: "200"
# expect: "hi bob GET"
# expect: "text/plain"
# expect: "200"
# expect: "cba"
# expect: "404"
# expect: stopped
