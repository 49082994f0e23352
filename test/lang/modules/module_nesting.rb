module X
  module Y
    p Module.nesting  # expect: [X::Y, X]
  end
end
module X::Y
  p Module.nesting  # expect: [X::Y]
end
