# String#crypt: crypt(3), DES with a two-character salt, SHA-512 with $6$.
p "abc".crypt("ab")
p "abc".crypt("$6$salt$")
p "".crypt("zz")
["a", "", "\0x"].each { |s| p(("abc".crypt(s) rescue $!.message)) }
p(("a\0b".crypt("ab") rescue $!.message))
# expect: "abFZSxKKdq5s6"
# expect: "$6$salt$i1etou/cjGIhaFRAAe9Ovyu8VW7eoR4C1h8EpVn8PpPcvBVwfsaYgJRGnPhBZyT5Z3JenrlmY/p02tjS7Gl0w/"
# expect: "zz6dpSdr.LHZw"
# expect: "salt too short (need >=2 bytes)"
# expect: "salt too short (need >=2 bytes)"
# expect: "salt too short (need >=2 bytes)"
# expect: "string contains null byte"
