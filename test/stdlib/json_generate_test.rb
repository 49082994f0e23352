# JSON.generate / pretty_generate / to_json (src/ext/json.c generator): layout, escaping, errors, State
require "json"
p((JSON.generate([0.0/0]) rescue [$!.class, $!.message]))
p((JSON.generate([1.0/0]) rescue [$!.class, $!.message]))
p((JSON.generate(["\xff"]) rescue [$!.class, $!.message]))
p((JSON.generate("\xff".b) rescue [$!.class, $!.message]))
p JSON.generate("é".b) rescue p $!
a = []; a << a
p((JSON.generate(a) rescue [$!.class, $!.message]))
p JSON.pretty_generate({}), JSON.pretty_generate([]), JSON.pretty_generate({"a" => []}), JSON.pretty_generate([{}])
puts JSON.pretty_generate({"a" => 1, "b" => [1, 2, {"c" => nil}], "d" => {"e" => true}})
p JSON.generate({a: 1, 2 => 3, nil => 4}), [1, "a"].to_json, "é\u2028\x01\"\\/".to_json, nil.to_json, :sym.to_json, 1.5.to_json, 10**20, (10**20).to_json, 1e20.to_json
p JSON.generate("é", ascii_only: true), JSON.generate("😀", ascii_only: true), JSON.generate("/", escape_slash: true)
p JSON.dump([1, nil]), JSON.dump(0.0/0)
class Foo; def to_json(*a) = {"foo" => 1}.to_json(*a); end
p JSON.generate([Foo.new]), Foo.new.to_json
puts JSON.pretty_generate([Foo.new, 1])
class Bar; def to_s = "bar!"; end
p JSON.generate([Bar.new]), Bar.new.to_json
p JSON.generate(1), JSON.generate(nil)
st = JSON::State.new(indent: "\t", object_nl: "\n")
p st.indent, st.object_nl, st.max_nesting, st.allow_nan?, st.depth
p JSON.generate({"a"=>{"b"=>1}}, st)
p JSON::VERSION
puts JSON.pretty_generate([1,[2,[3]]], indent: "    ")
p((JSON.generate([[[1]]], max_nesting: 2) rescue [$!.class, $!.message]))
p JSON.fast_generate([1,2])
require "json/add/range"
require "json/add/struct"
p JSON.generate(1..3), JSON.parse(JSON.generate(1..3), create_additions: true)
S = Struct.new(:a)
p S.new(1).to_json
p JSON.parse('{"a":1}', object_class: JSON::GenericObject) rescue p $!

# expect: [JSON::GeneratorError, "1003: NaN not allowed in JSON"]
# expect: [JSON::GeneratorError, "1000: Infinity not allowed in JSON"]
# expect: [JSON::GeneratorError, "partial character in source, but hit end"]
# expect: [JSON::GeneratorError, "partial character in source, but hit end"]
# expect: "\"é\""
# expect: [JSON::NestingError, "nesting of 100 is too deep"]
# expect: "{\n}"
# expect: "[\n\n]"
# expect: "{\n  \"a\": [\n\n  ]\n}"
# expect: "[\n  {\n  }\n]"
# expect: {
# expect:   "a": 1,
# expect:   "b": [
# expect:     1,
# expect:     2,
# expect:     {
# expect:       "c": null
# expect:     }
# expect:   ],
# expect:   "d": {
# expect:     "e": true
# expect:   }
# expect: }
# expect: "{\"a\":1,\"2\":3,\"\":4}"
# expect: "[1,\"a\"]"
# expect: "\"é\u2028\\u0001\\\"\\\\/\""
# expect: "null"
# expect: "\"sym\""
# expect: "1.5"
# expect: 100000000000000000000
# expect: "100000000000000000000"
# expect: "1.0e+20"
# expect: "\"\\u00e9\""
# expect: "\"\\ud83d\\ude00\""
# expect: "\"\\/\""
# expect: "[1,null]"
# expect: "NaN"
# expect: "[{\"foo\":1}]"
# expect: "{\"foo\":1}"
# expect: [
# expect:   {
# expect:     "foo": 1
# expect:   },
# expect:   1
# expect: ]
# expect: "[\"bar!\"]"
# expect: "\"bar!\""
# expect: "1"
# expect: "null"
# expect: "\t"
# expect: "\n"
# expect: 100
# expect: false
# expect: 0
# expect: "{\n\t\"a\":{\n\t\t\"b\":1\n\t}\n}"
# expect: "2.6.1"
# expect: [
# expect:     1,
# expect:     [
# expect:         2,
# expect:         [
# expect:             3
# expect:         ]
# expect:     ]
# expect: ]
# expect: [JSON::NestingError, "nesting of 2 is too deep"]
# expect: "[1,2]"
# expect: "{\"json_class\":\"Range\",\"a\":[1,3,false]}"
# expect: 1..3
# expect: "{\"json_class\":\"S\",\"v\":[1]}"
# expect: #<JSON::GenericObject a=1>
