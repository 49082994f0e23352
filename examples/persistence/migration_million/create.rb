# Version 1 of the model: a million points in Cartesian coordinates.
#   bin/maglev-ruby examples/persistence/migration_million/create.rb [COUNT]
count = (ARGV[0] || 1_000_000).to_i
Maglev.persistent do
  class Point
    attr_reader :x, :y
    def initialize(x, y) = (@x, @y = x, y)
  end
end
Maglev[:points] = Array.new(count) { |i| Point.new(i % 1000, i / 1000) }
Maglev[:origin_ref] = { first: Maglev[:points][0], last: Maglev[:points][-1] }
Maglev.commit_transaction
puts "#{count} points of version 1 committed"
