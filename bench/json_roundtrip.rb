# json_roundtrip -- JSON.generate and JSON.parse of 60,000 small records, five
# times each (the json library's C parts: src/ext/json.c), then a
# pretty_generate of the first 50. Self-checking: the checksum combines the
# text's size, the parsed ids and the pretty text's size.
require "json"
N = 60_000
data = (1..N).map do |i|
  { "id" => i, "name" => "item #{i}", "tags" => ["a", "b", "\u00e9"], "price" => i * 1.5, "ok" => i.odd?, "n" => nil }
end
text = nil
5.times { text = JSON.generate(data) }
back = nil
5.times { back = JSON.parse(text) }
raise "bad result: parsed #{back.size} records" unless back.size == N && back.last == data.last
sum = text.bytesize + back.sum { |h| h["id"] } + JSON.pretty_generate(back.first(50)).bytesize
raise "bad result: #{sum}" unless sum == 1_805_437_838
puts "json_roundtrip #{N} records x5 = #{sum}"
