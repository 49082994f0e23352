# Marshal writes and reads a Symbol's encoding ivar, so a UTF-16, ISO-8859-1 or binary Symbol comes back the same Symbol
[:é, "é".b.to_sym, "a".encode("UTF-16LE").to_sym, "é".encode("ISO-8859-1").to_sym, :a, [:é, :é, "é".b.to_sym]].each do |s|
  d = Marshal.dump(s)
  l = Marshal.load(d)
  p d.unpack1("H*"), l, l == s, (l.encoding rescue l.map(&:encoding))
end
# expect: "0408493a07c3a9063a064554"
# expect: :é
# expect: true
# expect: #<Encoding:UTF-8>
# expect: "04083a07c3a9"
# expect: :"\xC3\xA9"
# expect: true
# expect: #<Encoding:ASCII-8BIT>
# expect: "0408493a076100063a0d656e636f64696e67220d5554462d31364c45"
# expect: :"a"
# expect: true
# expect: #<Encoding:UTF-16LE>
# expect: "0408493a06e9063a0d656e636f64696e67220f49534f2d383835392d31"
# expect: :"\xE9"
# expect: true
# expect: #<Encoding:ISO-8859-1>
# expect: "04083a0661"
# expect: :a
# expect: true
# expect: #<Encoding:US-ASCII>
# expect: "04085b08493a07c3a9063a0645543b003a07c3a9"
# expect: [:é, :é, :"\xC3\xA9"]
# expect: true
# expect: [#<Encoding:UTF-8>, #<Encoding:UTF-8>, #<Encoding:ASCII-8BIT>]
