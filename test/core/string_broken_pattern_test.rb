# sub/gsub with a String pattern search bytes and take a broken string as
# CRuby does; split with a String (or no) pattern reads the characters and
# raises on one; a broken pattern is no Regexp
def t
  puts yield.inspect
rescue => e
  puts "#{e.class}: #{e.message}"
end
t { "\xff".sub("x", "y") }
t { "\xff".dup.sub!("x", "y") }
t { "\xffab".sub("a", "\\0\\0") }
t { "\xffab".gsub("a") { "b" } }
t { "\xffab".gsub("", "-") }
t { "\xffab".gsub("a", "a" => "q") }
t { "\xffab".gsub("a", "z"); $~[0] }
t { "\xffab".sub(/a/, "z") }
t { "a\xff".sub("\xff", "x") }
t { "a\xff".split("a") }
t { "\xff".split("x", 2) }
t { "\xff".split("") }
t { "\xff".split }
t { "\xff".split(" ") }
t { "\xff".split("\xff".b) }
t { "\xff".split("x", 1) }
t { "\xff".split(/x/) }
t { "\xff".b.split("x") }
t { "a\xff".b.split("\xff".b) }

# expect: "\xFF"
# expect: nil
# expect: "\xFFaab"
# expect: "\xFFbb"
# expect: "-\xFF-a-b-"
# expect: "\xFFqb"
# expect: "a"
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: RegexpError: invalid multibyte character: /\xFF/
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ["\xFF"]
# expect: ArgumentError: invalid byte sequence in UTF-8
# expect: ["\xFF"]
# expect: ["a"]
