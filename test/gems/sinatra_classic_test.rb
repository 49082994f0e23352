# Classic-style Sinatra (require 'sinatra': top-level DSL, Rack::Builder delegation)
# called through Rack::MockRequest, without starting a server
require 'sinatra'
set :run, false
set :logging, false
get '/' do
  "classic #{params['x']}"
end
post '/items' do
  status 201
  "created #{params['name']}"
end
req = Rack::MockRequest.new(Sinatra::Application)
r = req.get("/?x=1")
p r.status, r.body
r = req.post("/items", params: { "name" => "pen" })
p r.status, r.body
p req.get("/missing").status
p Rack::Builder.public_method_defined?(:use)

# expect: 200
# expect: "classic 1"
# expect: 201
# expect: "created pen"
# expect: 404
# expect: true
