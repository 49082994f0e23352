# lines, each_line, chars, each_char, bytes, each_byte
p "a\nb\nc".lines, "a\nb\n".lines, "a\r\nb".lines(chomp: true), "axbxc".lines("x"), "abc".lines(nil), "".lines
p "a\n\n\nb\n".lines(""), "a\n\n\nb\n".lines("", chomp: true), "a\nb\n".lines(chomp: true)
r = []
"x\ny".each_line { |l| r << l }
p r
p "a\nb".each_line.to_a, "abcdef".each_line("cd").to_a
c = []
"héllo".each_char { |ch| c << ch }
p c, "abc".each_char.to_a, "ab".bytes, "ab".each_byte.to_a
n = 0
"abc".each_byte { |b| n += b }
p n
p "hello world".each_line(" ").map(&:upcase)
# expect: ["a\n", "b\n", "c"]
# expect: ["a\n", "b\n"]
# expect: ["a", "b"]
# expect: ["ax", "bx", "c"]
# expect: ["abc"]
# expect: []
# expect: ["a\n\n", "b\n"]
# expect: ["a\n", "b\n"]
# expect: ["a", "b"]
# expect: ["x\n", "y"]
# expect: ["a\n", "b"]
# expect: ["abcd", "ef"]
# expect: ["h", "é", "l", "l", "o"]
# expect: ["a", "b", "c"]
# expect: [97, 98]
# expect: [97, 98]
# expect: 294
# expect: ["HELLO ", "WORLD"]
