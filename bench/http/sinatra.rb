# bench/http/sinatra.rb PORT -- a one-route Sinatra app on Rack's WEBrick handler (bench/http.sh)
require 'sinatra/base'
require 'stringio'
port = Integer(ARGV[0])
class App < Sinatra::Base
  set :logging, false
  get("/") { "hello world\n" }
end
$stdout.puts "ready"; $stdout.flush
Rack::Handler::WEBrick.run(App, Host: "127.0.0.1", Port: port, Logger: WEBrick::Log.new(StringIO.new), AccessLog: [])
