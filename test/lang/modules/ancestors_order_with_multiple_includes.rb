module A; end
module B; end
class C
  include A
  include B
end
p C.ancestors.take(4)  # expect: [C, B, A, Object]
