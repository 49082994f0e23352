# Found by a random sweep of pack formats and strftime formats: unpack's @ positions, strftime of a NUL after % (which looped forever) (string_pack.c, time.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# unpack's @ is a byte position from the string's start: bare @ is @0, @* counts the bytes left
t { "abc".unpack("a@a") }  # expect: ["a", "a"]
t { "abc".unpack("aa@a") }  # expect: ["a", "b", "a"]
t { "abc".unpack("a@*a") }  # expect: ["a", "c"]
t { "abc".unpack("@a", offset: 1) }  # expect: ["a"]
t { "abcd".unpack("a2@*a", offset: 1) }  # expect: ["bc", "b"]
t { "abc".unpack("@4a") }  # expect: ArgumentError: @ outside of string
t { ["a", "b"].pack("a@a") }  # expect: "ab"
# strftime copies a % before any byte it does not know, NUL too
t { Time.utc(2024).strftime("9.%\x00:") }  # expect: "9.%\u0000:"
t { Time.utc(2024).strftime("%-\x00a") }  # expect: "%-\u0000a"
t { Time.utc(2024).strftime("%?|%:Y|%::z") }  # expect: "%?|%:Y|+00:00:00"
t { "".b.unpack("@") }  # expect: ArgumentError: @ outside of string
t { "a".unpack("a@") }  # expect: ["a"]
