# URI: parse, parts, join, build, forms, escaping, comparison
require "uri"
u = URI.parse("https://user:pw@example.com:8443/a/b.html?x=1&y=two#frag")
p u.class, u.scheme, u.userinfo, u.host, u.port, u.path, u.query, u.fragment, u.to_s
p URI("http://example.com").port, URI("http://example.com/").request_uri, URI("http://h/p?q=1").request_uri
p URI.join("http://example.com/a/b/", "../c", "d?e=f").to_s
p URI::HTTP.build(host: "h.example", path: "/x", query: "a=b").to_s
p URI.encode_www_form(a: 1, b: "x y", c: ["p", "q"]), URI.decode_www_form("a=1&b=x+y&c=%26")
p URI.encode_www_form_component("a b&c/d"), URI.decode_www_form_component("a+b%26c")
p URI("http://a.com/x") == URI("http://a.com/x"), URI("HTTP://A.COM/x").normalize.to_s
p URI.extract("see http://a.com and https://b.org/x ok"), URI.split("ftp://f.example/pub")
begin
  URI.parse("http://bad host/")
rescue URI::InvalidURIError => e
  p e.class, e.message
end
p URI("mailto:me@example.com").class, URI("file:///etc/hosts").path
# expect: URI::HTTPS
# expect: "https"
# expect: "user:pw"
# expect: "example.com"
# expect: 8443
# expect: "/a/b.html"
# expect: "x=1&y=two"
# expect: "frag"
# expect: "https://user:pw@example.com:8443/a/b.html?x=1&y=two#frag"
# expect: 80
# expect: "/"
# expect: "/p?q=1"
# expect: "http://example.com/a/d?e=f"
# expect: "http://h.example/x?a=b"
# expect: "a=1&b=x+y&c=p&c=q"
# expect: [["a", "1"], ["b", "x y"], ["c", "&"]]
# expect: "a+b%26c%2Fd"
# expect: "a b&c"
# expect: true
# expect: "http://a.com/x"
# expect: ["http://a.com", "https://b.org/x"]
# expect: ["ftp", nil, "f.example", nil, nil, "/pub", nil, nil, nil]
# expect: URI::InvalidURIError
# expect: "bad URI(is not URI?): \"http://bad host/\""
# expect: URI::MailTo
# expect: "/etc/hosts"
