# JSON.parse errors inside containers, with CRuby's messages
require "json"
['Infinity', '-Infinity', '[1, Infinity]', '{"a": NaN}', '{"a": Infinity}', '[1, -Infinity]', '{"a": [1,]}', '[{"a":}]', '{"a": {"b" }}', '["\ud800"]', '[1, "x', '{"a":1 "b":2}', '[truex]', '[1]]', '{"a":1}}', '[1,2', '{"a"', "[1, // c\n 2]", '["\t"]', '[1.5.3]', '[01]', '[1e5x]'].each do |s|
  begin
    r = JSON.parse(s)
    p [s, r]
  rescue JSON::ParserError => e
    p [s, e.class, e.message]
  end
end

# expect: ["Infinity", JSON::ParserError, "232: unexpected token at ''"]
# expect: ["-Infinity", JSON::ParserError, "249: unexpected token at '-Infinity'"]
# expect: ["[1, Infinity]", JSON::ParserError, "232: unexpected token at ' Infinity]'"]
# expect: ["{\"a\": NaN}", JSON::ParserError, "225: unexpected token at 'NaN}'"]
# expect: ["{\"a\": Infinity}", JSON::ParserError, "232: unexpected token at ' Infinity}'"]
# expect: ["[1, -Infinity]", JSON::ParserError, "249: unexpected token at '-Infinity]'"]
# expect: ["{\"a\": [1,]}", JSON::ParserError, "451: unexpected token at ']}'"]
# expect: ["[{\"a\":}]", JSON::ParserError, "451: unexpected token at '{\"a\":}]'"]
# expect: ["{\"a\": {\"b\" }}", JSON::ParserError, "859: unexpected token at '{\"a\": {\"b\" }}'"]
# expect: ["[\"\\ud800\"]", JSON::ParserError, "521: incomplete surrogate pair at '\\ud800\"]'"]
# expect: ["[1, \"x", JSON::ParserError, "451: unexpected token at '\"x'"]
# expect: ["{\"a\":1 \"b\":2}", JSON::ParserError, "859: unexpected token at '{\"a\":1 \"b\":2}'"]
# expect: ["[truex]", JSON::ParserError, "451: unexpected token at 'x]'"]
# expect: ["[1]]", JSON::ParserError, "859: unexpected token at ']'"]
# expect: ["{\"a\":1}}", JSON::ParserError, "859: unexpected token at '}'"]
# expect: ["[1,2", JSON::ParserError, "451: unexpected token at ''"]
# expect: ["{\"a\"", JSON::ParserError, "859: unexpected token at '{\"a\"'"]
# expect: ["[1, // c\n 2]", [1, 2]]
# expect: ["[\"\\t\"]", ["\t"]]
# expect: ["[1.5.3]", JSON::ParserError, "451: unexpected token at '.5.3]'"]
# expect: ["[01]", JSON::ParserError, "451: unexpected token at '01]'"]
# expect: ["[1e5x]", JSON::ParserError, "451: unexpected token at 'x]'"]
