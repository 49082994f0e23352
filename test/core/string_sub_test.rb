# sub, gsub and their bang forms: strings, regexps, backreferences, hashes, blocks
p "hello".sub("l", "L"), "hello".gsub("l", "L"), "hello".sub(/l+/, "[\\0]"), "hello".gsub(/(l)/, "<\\1>")
p "abc".sub("b", "\\\\"), "abc".sub(/(b)/, "<\\1\\0\\&\\`\\'\\\\\\9\\x>"), "abc".sub(/(?<n>b)/, "[\\k<n>]")
p "abc".gsub(/b/, "b" => "X"), "abc".gsub(/[abc]/, "a" => 1, "b" => :two), "abc".gsub("", "-"), "héllo".gsub(//, "-"), "abc".gsub(/b*/, "-")
p "hello".gsub(/l/) { |m| m.upcase }, "hello".gsub(/(?<x>[aeiou])/) { $~[:x] * 2 }, "a1b22".gsub(/\d+/) { |d| (d.to_i * 2).to_s }
p "abc".gsub(/b/).to_a, "hello".sub(/x/, "y"), "hello".gsub("", "")
s = +"hello"
p s.sub!("l", "L"), s, s.sub!("z", "y"), s.gsub!("l", "_"), s, s.gsub!("q", "")
p "a.b.c".gsub(".", "-"), "a+b".sub("+", "plus"), "path/to/file".gsub("/", "::")
p "hello world".sub(/(?<first>\w+) (?<second>\w+)/, '\k<second> \k<first>')
"xay" =~ /a/
p $~[0], $`, $'
"hello".gsub(/l/) { }
p $~[0]
p "aaa".gsub(/a/) { $~.begin(0).to_s }, "John Smith".gsub(/(\w+) (\w+)/, '\2, \1')
# expect: "heLlo"
# expect: "heLLo"
# expect: "he[ll]o"
# expect: "he<l><l>o"
# expect: "a\\c"
# expect: "a<bbbac\\\\x>c"
# expect: "a[b]c"
# expect: "aXc"
# expect: "1two"
# expect: "-a-b-c-"
# expect: "-h-é-l-l-o-"
# expect: "-a--c-"
# expect: "heLLo"
# expect: "heelloo"
# expect: "a2b44"
# expect: ["b"]
# expect: "hello"
# expect: "hello"
# expect: "heL_o"
# expect: "heL_o"
# expect: nil
# expect: "heL_o"
# expect: "heL_o"
# expect: nil
# expect: "a-b-c"
# expect: "aplusb"
# expect: "path::to::file"
# expect: "world hello"
# expect: "a"
# expect: "x"
# expect: "y"
# expect: "l"
# expect: "012"
# expect: "Smith, John"
