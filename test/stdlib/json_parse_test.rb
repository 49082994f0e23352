# JSON.parse (src/ext/json.c parser under Debian's json/common.rb): values, options, CRuby's error messages
require "json"
['', ' ', '{', '{"a": }', '[1,]', '[1 2]', 'nul', '{"a" 1}', '"abc', '[NaN]', 'tru', '{"a":1}x', '[1] [2]', '01', '-', '[-]', '1.', '"\u00"', "[\"a\nb\"]", '{"a":1,}', '[,1]', '// c', '/* x */ 1', 'NaN', '[Infinity]', '[-Infinity]', '2e', '.5', '{1:2}', "[\"\\x\"]", '"\ud800"', '  [1]  ', '12345678901234567890', '1.5e3', '-0', '-0.0', '1E2', '[1.0e+2]', '"\u0041\u00e9\ud83d\ude00"'].each do |s|
  begin
    r = JSON.parse(s)
    p [s, r]
  rescue JSON::ParserError => e
    p [s, e.class, e.message]
  end
end
p JSON.parse('[NaN, Infinity, -Infinity]', allow_nan: true)
p JSON.parse('{"a":{"b":[1,{"c":null}]}}', symbolize_names: true)
p JSON.parse('{"json_class":"Range","a":[1,2,false]}')
p((JSON.parse('[[[[1]]]]', max_nesting: 3) rescue [$!.class, $!.message]))
p JSON.parse('[[[1]]]', max_nesting: 3)
p JSON.parse('{"a":1}', object_class: Hash)
p JSON.parse('"x"').frozen?, JSON.parse('{"a":"b"}', freeze: true).frozen?
p JSON.parse('1'), JSON.parse('null'), JSON.parse('  "s" ')
p JSON.parse('{"a":1, "a":2}')
p JSON('[1]'), JSON.load('[1]'), JSON.load(nil), JSON.load('')

# expect: ["", JSON::ParserError, "859: unexpected token at ''"]
# expect: [" ", JSON::ParserError, "859: unexpected token at ''"]
# expect: ["{", JSON::ParserError, "859: unexpected token at '{'"]
# expect: ["{\"a\": }", JSON::ParserError, "859: unexpected token at '{\"a\": }'"]
# expect: ["[1,]", JSON::ParserError, "451: unexpected token at ']'"]
# expect: ["[1 2]", JSON::ParserError, "451: unexpected token at '2]'"]
# expect: ["nul", JSON::ParserError, "859: unexpected token at 'nul'"]
# expect: ["{\"a\" 1}", JSON::ParserError, "859: unexpected token at '{\"a\" 1}'"]
# expect: ["\"abc", JSON::ParserError, "859: unexpected token at '\"abc'"]
# expect: ["[NaN]", JSON::ParserError, "225: unexpected token at 'NaN]'"]
# expect: ["tru", JSON::ParserError, "859: unexpected token at 'tru'"]
# expect: ["{\"a\":1}x", JSON::ParserError, "859: unexpected token at 'x'"]
# expect: ["[1] [2]", JSON::ParserError, "859: unexpected token at '[2]'"]
# expect: ["01", JSON::ParserError, "859: unexpected token at '01'"]
# expect: ["-", JSON::ParserError, "859: unexpected token at '-'"]
# expect: ["[-]", JSON::ParserError, "451: unexpected token at '-]'"]
# expect: ["1.", JSON::ParserError, "859: unexpected token at '.'"]
# expect: ["\"\\u00\"", JSON::ParserError, "859: unexpected token at '\"\\u00\"'"]
# expect: ["[\"a\nb\"]", JSON::ParserError, "451: unexpected token at '\"a\nb\"]'"]
# expect: ["{\"a\":1,}", JSON::ParserError, "859: unexpected token at '{\"a\":1,}'"]
# expect: ["[,1]", JSON::ParserError, "451: unexpected token at ',1]'"]
# expect: ["// c", JSON::ParserError, "859: unexpected token at ''"]
# expect: ["/* x */ 1", 1]
# expect: ["NaN", JSON::ParserError, "225: unexpected token at 'NaN'"]
# expect: ["[Infinity]", JSON::ParserError, "232: unexpected token at '[Infinity]'"]
# expect: ["[-Infinity]", JSON::ParserError, "249: unexpected token at '-Infinity]'"]
# expect: ["2e", JSON::ParserError, "859: unexpected token at 'e'"]
# expect: [".5", JSON::ParserError, "859: unexpected token at '.5'"]
# expect: ["{1:2}", JSON::ParserError, "859: unexpected token at '{1:2}'"]
# expect: ["[\"\\x\"]", ["x"]]
# expect: ["\"\\ud800\"", JSON::ParserError, "521: incomplete surrogate pair at '\\ud800\"'"]
# expect: ["  [1]  ", [1]]
# expect: ["12345678901234567890", 12345678901234567890]
# expect: ["1.5e3", 1500.0]
# expect: ["-0", 0]
# expect: ["-0.0", -0.0]
# expect: ["1E2", 100.0]
# expect: ["[1.0e+2]", [100.0]]
# expect: ["\"\\u0041\\u00e9\\ud83d\\ude00\"", "Aé😀"]
# expect: [NaN, Infinity, -Infinity]
# expect: {:a=>{:b=>[1, {:c=>nil}]}}
# expect: {"json_class"=>"Range", "a"=>[1, 2, false]}
# expect: [JSON::NestingError, "nesting of 4 is too deep"]
# expect: [[[1]]]
# expect: {"a"=>1}
# expect: false
# expect: true
# expect: 1
# expect: nil
# expect: "s"
# expect: {"a"=>2}
# expect: [1]
# expect: [1]
# expect: nil
# expect: nil
