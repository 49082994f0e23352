# Appending keeps what a String knows of its characters right (ascii_only?,
# valid_encoding?, length) however it was built: raw byte appends, <<, gsub
# into a BINARY result, and appends of non-ASCII or broken bytes
s = String.new
s << "row " << 1.to_s << ": "
p s.encoding, s.ascii_only?, s.valid_encoding?, s.length
s << "caf\u00e9"
p s.encoding, s.ascii_only?, s.valid_encoding?, s.length, s.bytesize
b = String.new("x" * 20)
b << "\xff".b
p b.encoding, b.ascii_only?, b.valid_encoding?, b.length
u = "abc"
u << "d" * 10
p u.ascii_only?, u.valid_encoding?, u.length
u << "\u00fc"
p u.ascii_only?, u.valid_encoding?, u.length
u << "\xff".force_encoding("UTF-8")
p u.ascii_only?, u.valid_encoding?, u.length
u.force_encoding("UTF-8")
p u.valid_encoding?
t = (String.new << "row 1: x1 = 7\n") * 3
g = t.gsub("row", "line").gsub(/x(\d+)/, 'times \1').gsub(/= (\d+)/) { "=> #{$1.to_i * 2}" }
p g, g.encoding, g.ascii_only?, g.length
v = "\u00e9t\u00e9"
w = v.dup
w.concat(" ok", "!")
p w, w.length, w.valid_encoding?, w.ascii_only?
x = "ab".encode("UTF-16LE")
x << "c".encode("UTF-16LE")
p x.length, x.valid_encoding?, x.bytesize
# expect: #<Encoding:ASCII-8BIT>
# expect: true
# expect: true
# expect: 7
# expect: #<Encoding:UTF-8>
# expect: false
# expect: true
# expect: 11
# expect: 12
# expect: #<Encoding:ASCII-8BIT>
# expect: false
# expect: true
# expect: 21
# expect: true
# expect: true
# expect: 13
# expect: false
# expect: true
# expect: 14
# expect: false
# expect: false
# expect: 15
# expect: false
# expect: "line 1: times 1 => 14\nline 1: times 1 => 14\nline 1: times 1 => 14\n"
# expect: #<Encoding:ASCII-8BIT>
# expect: true
# expect: 66
# expect: "été ok!"
# expect: 7
# expect: true
# expect: false
# expect: 3
# expect: true
# expect: 6
