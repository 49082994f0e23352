# erb.rb (over strscan): <%= %>, trim_mode, ERB::Util, result with a binding, result_with_hash
require "erb"
t = ERB.new("Hello <%= name %>!\n<% 3.times do |i| %>i=<%= i %>\n<% end %>")
name = "World"
puts t.result(binding)
t2 = ERB.new("<%- [1,2].each do |x| -%>\n  <%= x %>\n<%- end -%>\n", trim_mode: "-")
puts t2.result
p ERB::Util.html_escape("<a href='x'>&</a>")
include ERB::Util
p h("\"q\"")
class V; def initialize; @x = 5; end; def b = binding; end
puts ERB.new("x is <%= @x %>").result(V.new.b)
puts ERB.new("a <%# comment %>b <%% c").result
puts ERB.new("v=<%= v %>").result_with_hash(v: 42)

# expect: Hello World!
# expect: i=0
# expect: i=1
# expect: i=2
# expect:   1
# expect:   2
# expect: "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
# expect: "&quot;q&quot;"
# expect: x is 5
# expect: a b <% c
# expect: v=42
