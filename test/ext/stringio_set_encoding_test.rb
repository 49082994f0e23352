# StringIO#set_encoding and #binmode on a frozen string: the StringIO keeps the
# encoding (Rack's WEBrick handler does StringIO.new(body.to_s) then ASCII-8BIT)
require "stringio"
s = StringIO.new(+"")
p s.set_encoding(Encoding::BINARY).class, s.external_encoding, s.string.encoding
w = StringIO.new("fr".freeze)
p w.set_encoding(Encoding::BINARY).external_encoding, w.string.encoding, w.read.encoding
x = StringIO.new("é".freeze)
x.binmode
p x.external_encoding, x.read(1).encoding
y = StringIO.new(nil.to_s)
y.set_encoding(Encoding::BINARY)
p y.external_encoding, y.read
z = StringIO.new(+"abc")
z.set_encoding("UTF-8")
p z.external_encoding, z.string.encoding
# expect: StringIO
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: ""
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
