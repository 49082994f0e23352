# bench/http/webrick.rb PORT -- WEBrick::HTTPServer answering "hello world" (bench/http.sh)
require 'webrick'
require 'stringio'
port = Integer(ARGV[0])
server = WEBrick::HTTPServer.new(Port: port, BindAddress: "127.0.0.1", Logger: WEBrick::Log.new(StringIO.new), AccessLog: [])
server.mount_proc("/") { |req, res| res["Content-Type"] = "text/plain"; res.body = "hello world\n" }
trap("TERM") { server.shutdown }
$stdout.puts "ready"; $stdout.flush
server.start
