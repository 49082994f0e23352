module Once; end
class Twice
  include Once
  include Once
end
p Twice.ancestors.count(Once)  # expect: 1
