# A regexp literal as a condition matches $_ (if/unless/while, modifiers, !, and/or).
$_ = "hello world"
if /wor/ then puts "m1" else puts "n1" end
puts "m2" unless /xyz/
p $~
puts(/o w/ ? "t" : "f")
p $~[0]
puts "not" if !/zzz/
puts "and" if /hello/ && not(/bye/)
pat = "wor"
puts "dyn" if /#{pat}ld/
$_ = "aab"
n = 0
while /a/ do $_ = $_[1..]; n += 1 end
p n
x = /never/
p(x ? "regexp value is truthy" : "no")
$_ = nil
p(/a/ ? 1 : 2)
# expect: m1
# expect: m2
# expect: nil
# expect: t
# expect: "o w"
# expect: not
# expect: and
# expect: dyn
# expect: 2
# expect: "regexp value is truthy"
# expect: 2
