# shellwords.rb: split, escape, join and the unmatched-quote error
require "shellwords"
p Shellwords.split("a 'b c' \"d e\" f\\ g")
p "one two".shellsplit
p Shellwords.escape("it's here")
p ["a b", "c"].shelljoin
p Shellwords.join(["x", "y z"])
begin
  Shellwords.split("a 'b")
rescue ArgumentError => e
  p e.message
end

# expect: ["a", "b c", "d e", "f g"]
# expect: ["one", "two"]
# expect: "it\\'s\\ here"
# expect: "a\\ b c"
# expect: "x y\\ z"
# expect: "Unmatched quote: \"a 'b\""
