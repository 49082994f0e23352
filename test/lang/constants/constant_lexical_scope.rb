X = :top
module M
  X = :m
  class C
    def x = X
  end
end
p M::C.new.x  # expect: :m
p X  # expect: :top
