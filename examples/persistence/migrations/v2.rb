# v2.rb -- Point, version 2: polar; migrates every v1 point.
# Run with: maglev-ruby -Mcommit v2.rb
require 'maglev/repository'

old = Point
abort "already migrated" if old::VERSION == 2
Object.send(:remove_const, :Point)

class Point
  VERSION = 2
  attr_reader :r, :theta

  def self.from_cartesian(x, y) = new(Math.sqrt(x * x + y * y), Math.atan2(y, x))

  def initialize(r, theta)
    @r, @theta = r, theta
  end

  def x = r * Math.cos(theta)
  def y = r * Math.sin(theta)
  def to_s = format("v%d (%.1f, %.1f) r=%.1f", self.class::VERSION, x, y, r)
end

twins = {}.compare_by_identity
old.all_instances.each { |p| twins[p] = Point.from_cartesian(p.x, p.y) }
# the root's references to old points now go to their twins
Maglev.root.each_key do |k|
  v = Maglev.root[k]
  if twins.key?(v) then Maglev.root[k] = twins[v]
  elsif v.is_a?(Array) then v.map! { |e| twins.fetch(e, e) }
  end
end
puts "migrated #{twins.size} points to v2"
