# v1.rb -- Point, version 1: cartesian. Run with: maglev-ruby -Mcommit v1.rb
class Point
  VERSION = 1
  attr_reader :x, :y

  def initialize(x, y)
    @x, @y = x, y
  end

  def to_s = format("v%d (%.1f, %.1f)", self.class::VERSION, x, y)
end

Maglev[:points] = [Point.new(3, 4), Point.new(0, 2), Point.new(-1, 0)]
Maglev[:origin_neighbour] = Maglev[:points][2]
puts "#{Maglev[:points].size} v1 points"
