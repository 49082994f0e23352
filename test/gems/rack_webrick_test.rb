# Rack's WEBrick handler serving a lambda app from a thread, fetched with Net::HTTP
require 'rack'
require 'rack/handler/webrick'
require 'net/http'
require 'stringio'
app = lambda do |env|
  req = Rack::Request.new(env)
  [200, { "Content-Type" => "text/plain" }, ["rack says #{req.request_method} #{req.path_info} #{req.params.inspect}"]]
end
server = nil
q = Queue.new
t = Thread.new do
  Rack::Handler::WEBrick.run(app, Host: "127.0.0.1", Port: 0, Logger: WEBrick::Log.new(StringIO.new), AccessLog: []) do |s|
    server = s
    q << s.config[:Port]
  end
end
port = q.pop
res = Net::HTTP.get_response(URI("http://127.0.0.1:#{port}/x?a=1"))
p res.code, res.body, res["content-type"]
res = Net::HTTP.post_form(URI("http://127.0.0.1:#{port}/form"), "b" => "2")
p res.body
server.shutdown
t.join
puts "done"

# expect: "200"
# expect: "rack says GET /x {\"a\"=>\"1\"}"
# expect: "text/plain"
# expect: "rack says POST /form {\"b\"=>\"2\"}"
# expect: done
