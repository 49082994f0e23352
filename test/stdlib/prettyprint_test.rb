# prettyprint.rb: groups, breakables, format, singleline_format
require "prettyprint"
out = +""
q = PrettyPrint.new(out, 10)
q.group(1, "[", "]") do
  %w[aaa bbb ccc ddd].each_with_index do |w, i|
    q.text(",") if i > 0
    q.breakable
    q.text w
  end
end
q.flush
puts out
puts PrettyPrint.format(+"", 20) { |q2| q2.group(2, "(", ")") { q2.text "hello"; q2.breakable; q2.text "world, this is long" } }
puts PrettyPrint.singleline_format(+"") { |q3| q3.text "a"; q3.breakable; q3.text "b" }

# expect: [
# expect:  aaa,
# expect:  bbb,
# expect:  ccc,
# expect:  ddd]
# expect: (hello
# expect:   world, this is long)
# expect: a b
