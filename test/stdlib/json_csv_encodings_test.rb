# JSON and CSV with strings and files in other encodings than UTF-8
require "json"
require "csv"
p JSON.generate(["caf\u00e9".encode("ISO-8859-1")]), JSON.generate({ "k" => "\u3042".encode("Shift_JIS") })
p JSON.parse("[\"caf\xE9\"]".force_encoding("ISO-8859-1")), JSON.parse("[\"a\"]".encode("UTF-16LE"))
p JSON.parse('["caf\u00e9"]')[0].encoding
f = "/tmp/maglev_enc_csv_#{$$}.csv"
File.binwrite(f, "name,city\nJos\xE9,M\xFCnchen\n")
p CSV.read(f, encoding: "ISO-8859-1:UTF-8")
p CSV.read(f, encoding: "ISO-8859-1").map { |r| r.map(&:encoding) }
p CSV.foreach(f, encoding: "ISO-8859-1:UTF-8", headers: true).map { |r| r["city"] }
p CSV.parse("a,b\n\xE9,c\n".force_encoding("ISO-8859-1")).last
p CSV.generate_line(["\u00e9".encode("ISO-8859-1"), "x"])
File.delete(f)
# expect: "[\"café\"]"
# expect: "{\"k\":\"あ\"}"
# expect: ["café"]
# expect: ["a"]
# expect: #<Encoding:UTF-8>
# expect: [["name", "city"], ["José", "München"]]
# expect: [[#<Encoding:ISO-8859-1>, #<Encoding:ISO-8859-1>], [#<Encoding:ISO-8859-1>, #<Encoding:ISO-8859-1>]]
# expect: ["München"]
# expect: ["\xE9", "c"]
# expect: "\xE9,x\n"
