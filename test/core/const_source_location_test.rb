# Module#const_source_location: where Ruby code set a constant, [] for C's, nil when undefined
def loc(x) = x&.size == 2 ? [File.basename(x[0]), x[1]] : x
X = 1
module M
  Y = 2
  class K; Z = 3; end
end
class Q < M::K; end
p loc(Object.const_source_location(:X)), loc(M.const_source_location(:Y)), loc(M.const_source_location("K::Z")), loc(Q.const_source_location(:Z)), loc(Q.const_source_location(:Z, false))
p loc(Object.const_source_location("String")), loc(Object.const_source_location(:Nope)), loc(Object.const_source_location("M::K")), loc(Object.const_source_location("M::Nope"))
M.const_set(:W, 5); p loc(M.const_source_location(:W))
p loc(M.const_source_location("Y"))
# expect: ["const_source_location_test.rb", 3]
# expect: ["const_source_location_test.rb", 5]
# expect: ["const_source_location_test.rb", 6]
# expect: ["const_source_location_test.rb", 6]
# expect: nil
# expect: []
# expect: nil
# expect: ["const_source_location_test.rb", 6]
# expect: nil
# expect: ["const_source_location_test.rb", 11]
# expect: ["const_source_location_test.rb", 5]
