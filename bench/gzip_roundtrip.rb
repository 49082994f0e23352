# gzip_roundtrip -- Zlib::GzipWriter/GzipReader and Zlib.deflate/inflate of a
# 4 MB log-like text, eight times (the zlib library's C parts: src/ext/zlib.c,
# on zlib1g), plus crc32 of each round's output. Self-checking: every round
# must give back the text, and the checksum combines the sizes and CRCs.
require "zlib"
require "stringio"
lines = (1..60_000).map { |i| "2026-12-01 12:#{format('%02d', i % 60)}:00 INFO request #{i} path=/items/#{i % 977} status=#{200 + i % 3} ms=#{i % 91}\n" }
text = lines.join
sum = 0
8.times do
  io = StringIO.new(String.new)
  gz = Zlib::GzipWriter.new(io)
  gz.write(text)
  gz.close
  packed = io.string
  back = Zlib::GzipReader.new(StringIO.new(packed)).read
  raise "bad gzip round trip" unless back == text
  deflated = Zlib.deflate(text, Zlib::BEST_SPEED)
  raise "bad deflate round trip" unless Zlib.inflate(deflated) == text
  sum += Zlib.crc32(back) % 1000 + deflated.bytesize % 1000 + text.bytesize
end
raise "bad result: #{sum}" unless sum == 34368608
puts "gzip_roundtrip #{text.bytesize} bytes x8 = #{sum}"
