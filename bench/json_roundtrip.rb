# json_roundtrip -- JSON.generate and JSON.parse of 20,000 small records, five
# times each (the json library's C parts: src/ext/json.c). Prints a checksum.
require "json"
data = (1..20_000).map do |i|
  { "id" => i, "name" => "item #{i}", "tags" => ["a", "b", "\u00e9"], "price" => i * 1.5, "ok" => i.odd?, "n" => nil }
end
text = nil
5.times { text = JSON.generate(data) }
back = nil
5.times { back = JSON.parse(text) }
puts text.bytesize + back.sum { |h| h["id"] } + JSON.pretty_generate(back.first(50)).bytesize
