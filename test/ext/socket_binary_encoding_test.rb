# Sockets (and files opened "rb") read ASCII-8BIT strings with gets/read/each_line, as CRuby
require 'socket'
require 'tempfile'
a, b = UNIXSocket.pair
b.write "h\u00e9llo\nw\u00f6rld\nend"
b.close
p a.gets.encoding, a.each_line.first.encoding, a.read.encoding
Tempfile.create("enc") do |f|
  f.write "\u00e9\n"
  f.flush
  File.open(f.path, "rb") { |r| p r.gets.encoding }
  File.open(f.path) { |r| p r.gets.encoding }
end

# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
