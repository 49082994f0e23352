# binary_trees: builds and walks many short-lived complete binary trees
# while one long-lived tree stays reachable. Measures object allocation,
# garbage collection and recursive calls; its peak RSS is a memory target.

class TreeNode
  attr_reader :left, :right

  def initialize(left, right)
    @left = left
    @right = right
  end

  def node_count
    if @left
      1 + @left.node_count + @right.node_count
    else
      1
    end
  end
end

def build_tree(depth)
  if depth == 0
    TreeNode.new(nil, nil)
  else
    d = depth - 1
    TreeNode.new(build_tree(d), build_tree(d))
  end
end

# a complete tree of depth d has 2**(d+1) - 1 nodes
def expected_nodes(depth)
  (1 << (depth + 1)) - 1
end

MIN_DEPTH = 4
MAX_DEPTH = 16

total = 0

stretch = MAX_DEPTH + 1
c = build_tree(stretch).node_count
raise "bad result: stretch #{c}" unless c == expected_nodes(stretch)
total += c

long_lived = build_tree(MAX_DEPTH)

depth = MIN_DEPTH
while depth <= MAX_DEPTH
  iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH)
  sum = 0
  i = 0
  while i < iterations
    sum += build_tree(depth).node_count
    i += 1
  end
  raise "bad result: depth #{depth} #{sum}" unless sum == iterations * expected_nodes(depth)
  total += sum
  depth += 2
end

c = long_lived.node_count
raise "bad result: long lived #{c}" unless c == expected_nodes(MAX_DEPTH)
total += c

raise "bad result: #{total}" unless total == 14985902
puts "binary_trees #{MAX_DEPTH} = #{total}"
