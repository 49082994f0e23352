# require 'cgi' loads cgi/escape's fast paths: CGI::Escape, prepended to
# CGI::Util; escapeHTML, escape/unescape, escapeURIComponent/unescapeURIComponent
require "cgi"
p CGI::Util.ancestors.first(2)
p CGI.singleton_class.include?(CGI::Escape)
p CGI::Escape.instance_methods(false).sort
p CGI.escapeHTML(%q{Usage: foo "bar" <baz> & 'qux'})
p CGI.escapeHTML("plain text"), CGI.escapeHTML(""), CGI.escapeHTML("é<ü>")
s = "no change"
e = CGI.escapeHTML(s)
p e == s, e.equal?(s), e.frozen?, e.encoding
p CGI.escapeHTML("x<".b).encoding, CGI.escapeHTML("a&b".encode("US-ASCII")).encoding
p CGI.unescapeHTML(CGI.escapeHTML(%q{<a href="x">'&'</a>}))
p CGI.escape("'Stop!' said Fred"), CGI.escape("é a/b~_.-"), CGI.escape("")
p CGI.escape("é").encoding
p CGI.unescape("%27Stop%21%27+said+Fred"), CGI.unescape("%C3%A9+x%zz%4%"), CGI.unescape("%e9").encoding
p CGI.unescape("%C3%A9", "ASCII-8BIT"), CGI.unescape("%41%42", Encoding::US_ASCII).encoding
p CGI.escapeURIComponent("a b+c/é"), CGI.unescapeURIComponent("a%20b+c%2F")
p CGI.unescape(CGI.escape("round trip ✓ 100%"))
include CGI::Util
p escapeHTML("<mixin>"), escape("a b")
[1, nil, :sym].each do |bad|
  CGI.escapeHTML(bad)
rescue TypeError => e
  puts e.message
end
begin
  CGI.escape(2)
rescue TypeError => e
  puts e.message
end
p CGI.unescapeHTML("&#0065;&#x41;&#X42;&#1114112;&#0001114112;&#x110000;&#xD800;&amp;&bogus;&#;&lt&gt;&apos;&quot;&#128512;&#xe9;&#x10FFFF;")
p CGI.unescapeHTML("&#200;&#65;".b), CGI.unescapeHTML("&#65;".b).encoding
s = "nothing"
p CGI.unescapeHTML(s).equal?(s), CGI.unescapeHTML("a & b; &amp"), CGI.unescapeHTML("&#x;&#12a;&;")
# expect: [CGI::Escape, CGI::Util]
# expect: true
# expect: [:escape, :escapeHTML, :escapeURIComponent, :unescape, :unescapeHTML, :unescapeURIComponent]
# expect: "Usage: foo &quot;bar&quot; &lt;baz&gt; &amp; &#39;qux&#39;"
# expect: "plain text"
# expect: ""
# expect: "é&lt;ü&gt;"
# expect: true
# expect: false
# expect: false
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:US-ASCII>
# expect: "<a href=\"x\">'&'</a>"
# expect: "%27Stop%21%27+said+Fred"
# expect: "%C3%A9+a%2Fb~_.-"
# expect: ""
# expect: #<Encoding:UTF-8>
# expect: "'Stop!' said Fred"
# expect: "é x%zz%4%"
# expect: #<Encoding:UTF-8>
# expect: "\xC3\xA9"
# expect: #<Encoding:US-ASCII>
# expect: "a%20b%2Bc%2F%C3%A9"
# expect: "a b+c/"
# expect: "round trip ✓ 100%"
# expect: "&lt;mixin&gt;"
# expect: "a+b"
# expect: no implicit conversion of Integer into String
# expect: no implicit conversion of nil into String
# expect: no implicit conversion of Symbol into String
# expect: no implicit conversion of Integer into String
# expect: "AAB&#1114112;&#0001114112;&#x110000;\xED\xA0\x80&&bogus;&#;&lt>'\"😀é&#x10FFFF;"
# expect: "&#200;A"
# expect: #<Encoding:ASCII-8BIT>
# expect: false
# expect: "a & b; &amp"
# expect: "&#x;&#12a;&;"
