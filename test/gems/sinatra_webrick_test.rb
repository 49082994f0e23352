# Sinatra (sinatra/base) served by Rack's WEBrick handler from a thread:
# routes with params, JSON content type, POST bodies, 404, and cookie sessions
require 'sinatra/base'
require 'net/http'
require 'stringio'
class App < Sinatra::Base
  set :logging, false
  enable :sessions
  set :session_secret, "s" * 64
  get "/" do
    "hello from sinatra"
  end
  get "/posts/:id" do
    content_type :json
    %({"id": #{params[:id].to_i}})
  end
  post "/echo" do
    request.body.read.upcase
  end
  get "/count" do
    session[:n] = (session[:n] || 0) + 1
    "count=#{session[:n]}"
  end
end
q = Queue.new
server = nil
t = Thread.new do
  Rack::Handler::WEBrick.run(App, Host: "127.0.0.1", Port: 0, Logger: WEBrick::Log.new(StringIO.new), AccessLog: []) do |s|
    server = s
    q << s.config[:Port]
  end
end
port = q.pop
Net::HTTP.start("127.0.0.1", port) do |h|
  r = h.get("/"); p r.code, r.body
  r = h.get("/posts/42"); p r.code, r.body, r["content-type"]
  r = h.post("/echo", "abc"); p r.code, r.body
  r = h.get("/nope"); p r.code
  r = h.get("/count"); p r.body
  cookie = r["set-cookie"].split(";").first
  r = h.get("/count", "Cookie" => cookie); p r.body
end
server.shutdown
t.join
puts "done"

# expect: "200"
# expect: "hello from sinatra"
# expect: "200"
# expect: "{\"id\": 42}"
# expect: "application/json"
# expect: "200"
# expect: "ABC"
# expect: "404"
# expect: "count=1"
# expect: "count=2"
# expect: done
