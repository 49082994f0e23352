# Module#using inside a class body: only that body's lexical scope
module Dbl
  refine Array do
    def second = self[1]
  end
end
class UsesIt
  using Dbl
  def self.run = [1, 2, 3].second
  p [4, 5].second
end
p UsesIt.run
begin
  [1, 2].second
rescue NoMethodError => e
  p e.class
end
class UsesIt
  def self.reopened
    [1, 2].second
  rescue NoMethodError => e
    e.class
  end
end
p UsesIt.reopened
# expect: 5
# expect: 2
# expect: NoMethodError
# expect: NoMethodError
