module Pre; end
module Inc; end
class Both
  include Inc
  prepend Pre
end
p Both.ancestors.take(3)  # expect: [Pre, Both, Inc]
