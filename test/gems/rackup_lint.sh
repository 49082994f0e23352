#!/usr/bin/env bash
# `rackup` (Debian's ruby-rack) serving a config.ru under maglev-ruby in
# development mode, so every request passes Rack::Lint; a GET and a POST with a
# body answer as under CRuby.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-rackup.XXXXXX")
PIDS=""
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$TMP"' EXIT
checks=0 fails=0
expect() {
	checks=$((checks + 1))
	if [ "$2" == "$3" ]; then echo "ok - $1"; else
		fails=$((fails + 1)); echo "not ok - $1"; echo "  expected: $3"; echo "  actual:   $2"; fi
}
"$MRUBY" -e 'require "rack"' 2>/dev/null || { echo "skip: rack is not installed (Debian ruby-rack)"; exit 0; }
cd "$TMP" || exit 1
cat > config.ru <<'R'
run lambda { |env|
  req = Rack::Request.new(env)
  body = "#{req.request_method} #{req.path} #{req.params.sort.inspect} #{env['rack.input'].read.bytesize}\n"
  [200, { "content-type" => "text/plain" }, [body]]
}
R
cat > client.rb <<'R'
require "net/http"
port, verb = ARGV
uri = URI("http://127.0.0.1:#{port}/echo?a=1")
100.times do
  res = verb == "post" ? Net::HTTP.post_form(uri, "b" => "two") : Net::HTTP.get_response(uri)
  puts res.code, res.body
  exit 0
rescue SystemCallError
  sleep 0.1
end
exit 1
R
port() { "$MRUBY" -e 'require "socket"; s = TCPServer.new("127.0.0.1", 0); puts s.addr[1]'; }
P1=$(port)
"$MRUBY" -S rackup -E development -s webrick -o 127.0.0.1 -p "$P1" >m.log 2>&1 & PIDS="$PIDS $!"
M=$("$MRUBY" client.rb "$P1" get; "$MRUBY" client.rb "$P1" post)
P2=$(port)
if command -v rackup >/dev/null && ruby -e 'require "rack"' 2>/dev/null; then
	ruby -S rackup -E development -s webrick -o 127.0.0.1 -p "$P2" >c.log 2>&1 & PIDS="$PIDS $!"
	C=$("$MRUBY" client.rb "$P2" get; "$MRUBY" client.rb "$P2" post)
else
	C=$'200\nGET /echo [["a", "1"]] 0\n200\nPOST /echo [["a", "1"], ["b", "two"]] 5'
fi
expect "rackup under Rack::Lint: GET and POST as CRuby" "$M" "$C"
expect "the answers" "$M" $'200\nGET /echo [["a", "1"]] 0\n200\nPOST /echo [["a", "1"], ["b", "two"]] 5'
echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
