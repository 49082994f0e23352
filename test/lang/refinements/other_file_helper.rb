# skip: loaded by other_file.rb
module RefinementHelper
  def self.try_twice(n)
    n.twice
  rescue NoMethodError => e
    e.class
  end
end
