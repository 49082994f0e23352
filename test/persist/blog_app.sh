#!/usr/bin/env bash
# examples/blog: two Sinatra servers on one repository, driven over HTTP on
# loopback: each sees the other's posts; concurrent edits of one post through
# both servers are retried on conflict and all of them land.
. "$(dirname "$0")/lib.sh"
"$MRUBY" -e 'require "sinatra/base"' 2>/dev/null || { echo "skip: sinatra is not installed (Debian ruby-sinatra)"; exit 0; }
APP=$ROOT/examples/blog/app.rb
ports=$("$MRUBY" -e 'require "socket"; s = 2.times.map { TCPServer.new("127.0.0.1", 0) }; puts s.map { |x| x.addr[1] }.join(" ")')
set -- $ports
P1=$1 P2=$2
"$MRUBY" "$APP" -p "$P1" -o 127.0.0.1 >"$MAGLEV_DATA/s1.log" 2>&1 & S1=$!
"$MRUBY" "$APP" -p "$P2" -o 127.0.0.1 >"$MAGLEV_DATA/s2.log" 2>&1 & S2=$!
trap 'kill $S1 $S2 2>/dev/null; wait 2>/dev/null; rm -rf "$MAGLEV_DATA"' EXIT
cat >"$MAGLEV_DATA/client.rb" <<'RB'
require "net/http"
port, verb, path, *form = ARGV
uri = URI("http://127.0.0.1:#{port}#{path}")
if verb == "wait"
  100.times { begin; Net::HTTP.get_response(uri); exit 0; rescue SystemCallError; sleep 0.1; end }
  exit 1
end
res = verb == "get" ? Net::HTTP.get_response(uri) : Net::HTTP.post_form(uri, form.each_slice(2).to_h)
puts res.code
puts res["location"].to_s.sub(%r{\Ahttp://[^/]+}, "") if res["location"]
puts res.body.scan(%r{<(?:li|p)>(.*?)</(?:li|p)>}).flatten.map { |s| s.gsub(/<[^>]*>/, "") } if verb == "get"
RB
client() { "$MRUBY" "$MAGLEV_DATA/client.rb" "$@"; }
client "$P1" wait / && client "$P2" wait /
expect "both servers answer" "$?" 0
expect "a post made through server 1" "$(client "$P1" post /posts title Zebra body 'Stripes all the way' tags 'animals,bw')" $'303\n/posts/1'
expect "is listed by server 2" "$(client "$P2" get /)" $'200\nZebra #animals #bw'
client "$P2" post /posts title Aardvark body 'First in the list' tags animals >/dev/null
expect "posts are listed by title" "$(client "$P1" get /)" $'200\nAardvark #animals\nZebra #animals #bw'
expect "a tag's posts" "$(client "$P1" get /tags/bw)" $'200\nZebra'
client "$P1" post /posts/1/comments author ann text 'Nice stripes' >/dev/null
expect "a comment made through server 1, read through server 2" "$(client "$P2" get /posts/1)" $'200\nStripes all the way\nedits: 0\nann: Nice stripes'
for i in 1 2 3 4 5 6; do
	client "$P1" post /posts/1/edit body "edit a$i" >"$MAGLEV_DATA/e1.$i" &
	client "$P2" post /posts/1/edit body "edit b$i" >"$MAGLEV_DATA/e2.$i" &
done
wait $(jobs -p | grep -v -e "^$S1\$" -e "^$S2\$") 2>/dev/null
ok=$(cat "$MAGLEV_DATA"/e[12].* | grep -c '^303$')
expect "twelve concurrent edits through both servers all succeed" "$ok" 12
[ "$ok" = 12 ] || { head -n 3 "$MAGLEV_DATA"/e[12].*; tail -n 20 "$MAGLEV_DATA"/s[12].log; }
expect "and every one of them landed" "$(client "$P2" get /posts/1 | sed -n 3p)" "edits: 12"
expect "a missing post" "$(client "$P1" get /posts/99 | head -1)" "404"
expect "an empty title is refused" "$(client "$P1" post /posts title '' body x | head -1)" "400"

# a headless browser loads the post list (Debian's chromium; --no-sandbox: tests may run as root)
if [ -x /usr/bin/chromium ]; then
	CHROME=(/usr/bin/chromium --headless --no-sandbox --disable-gpu --user-data-dir="$MAGLEV_DATA/chromium")
	"${CHROME[@]}" --screenshot="$MAGLEV_DATA/list.png" --window-size=800,260 "http://127.0.0.1:$P2/" >/dev/null 2>&1
	expect "chromium: a PNG screenshot of the post list" "$(head -c 8 "$MAGLEV_DATA/list.png" 2>/dev/null | od -An -c | tr -d ' ')" '211PNG\r\n032\n'
	expect "chromium: of the window's size" "$(od -An -tx1 -j16 -N8 "$MAGLEV_DATA/list.png" 2>/dev/null | tr -d ' ')" "0000032000000104"
	# a blank page of that size is about 1 KB; the rendered list is far more
	size=$(stat -c %s "$MAGLEV_DATA/list.png" 2>/dev/null || echo 0)
	expect "chromium: the screenshot is not blank (>5 KB)" "$([ "$size" -gt 5000 ] && echo yes || echo "no: $size bytes")" yes
	dom=$("${CHROME[@]}" --dump-dom "http://127.0.0.1:$P1/" 2>/dev/null)
	expect "chromium: the titles are in the DOM, in order" "$(printf '%s\n' "$dom" | sed -n 's|^<li><a href="/posts/[0-9]*">\([^<]*\)</a>.*|\1|p')" $'Aardvark\nZebra'
	expect "chromium: the page title" "$(printf '%s\n' "$dom" | grep -o '<title>[^<]*</title>')" "<title>The MagLev blog</title>"
else
	echo "skip: chromium checks: /usr/bin/chromium is missing (Debian chromium; not in install.sh: it pulls in some 130 packages)"
fi
finish
