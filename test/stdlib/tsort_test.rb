# tsort.rb: tsort, strongly_connected_components, Cyclic, TSort.tsort with lambdas
require "tsort"
class H < Hash
  include TSort
  alias tsort_each_node each_key
  def tsort_each_child(n, &b) = fetch(n).each(&b)
end
h = H.new
h[1] = [2, 3]; h[2] = [3]; h[3] = []; h[4] = [1]
p h.tsort
p h.strongly_connected_components
g = H.new; g[1] = [2]; g[2] = [1]
begin
  g.tsort
rescue TSort::Cyclic => e
  p e.message
end
each_node = ->(&b) { {1=>[2],2=>[]}.each_key(&b) }
each_child = ->(n, &b) { {1=>[2],2=>[]}[n].each(&b) }
p TSort.tsort(each_node, each_child)

# expect: [3, 2, 1, 4]
# expect: [[3], [2], [1], [4]]
# expect: "topological sort failed: [1, 2]"
# expect: [2, 1]
