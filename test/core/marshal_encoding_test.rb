# an Encoding marshals by name (RDoc's ri cache holds one)
d = Marshal.dump(Encoding::UTF_8)
p d
p Marshal.load(d)
p Marshal.load(Marshal.dump([Encoding::BINARY, Encoding::US_ASCII, { enc: Encoding::UTF_8 }]))
p Marshal.load(d).equal?(Encoding::UTF_8)
require "rbconfig"
p RbConfig::CONFIG["ridir"]
# expect: "\x04\bIu:\rEncoding\nUTF-8\x06:\x06EF"
# expect: #<Encoding:UTF-8>
# expect: [#<Encoding:ASCII-8BIT>, #<Encoding:US-ASCII>, {:enc=>#<Encoding:UTF-8>}]
# expect: true
# expect: "/usr/share/ri"
