# require 'coverage': line coverage of files required after Coverage.start,
# in the legacy (Array) and lines: modes; peek_result, suspend/resume, result's
# stop/clear, running?, and the errors of each state
require "coverage"
require "tmpdir"

SOURCE = <<~'RUBY'
  # a shape
  class Shape
    attr_reader :sides

    def initialize(sides)
      @sides = sides
    end

    def kind
      if sides == 3
        :triangle
      elsif sides == 4
        :square
      else
        :polygon
      end
    end
  end

  def total(list)
    sum = 0
    list.each do |x|
      sum += x
    end
    sum
  end

  x = 1; y = 2
  z = x +
    y
  shapes = [3, 4, 5, 4].map { |n| Shape.new(n) }
  kinds = shapes.map(&:kind)
  unless kinds.empty?
    kinds.size
  end
  i = 0
  while i < 3
    i += 1
  end
  begin
    raise "x"
  rescue => e
    e.message
  ensure
    i = 4
  end
  h = {
    a: 1,
    b: 2,
  }
  total([1, 2, 3])
  never = lambda do
    :never
  end
  def unused
    1 + 1
  end
RUBY

def show(counts)
  counts.each_with_index.map { |c, i| "#{i + 1}:#{c.inspect}" }.each_slice(8) { |s| puts s.join(" ") }
end

Dir.mktmpdir do |dir|
  File.write(File.join(dir, "before.rb"), "def before = 1\n")
  require File.join(dir, "before")
  p Coverage.running?
  %i[peek_result result suspend resume].each do |m|
    Coverage.send(m)
  rescue RuntimeError => e
    puts "#{m}: #{e.message}"
  end

  Coverage.start
  p Coverage.running?
  path = File.join(dir, "shape.rb")
  File.write(path, SOURCE)
  require path
  r = Coverage.peek_result
  p r.keys.map { |f| File.basename(f) }
  show(r[path])
  Shape.new(3).kind
  eval("Shape.new(4).kind")
  p Coverage.peek_result[path].values_at(9, 10, 11, 12, 13)
  Coverage.suspend
  p Coverage.running?
  Shape.new(5).kind
  p Coverage.peek_result[path].values_at(9, 10, 11, 12, 13)
  Coverage.resume
  Shape.new(5).kind
  p Coverage.result(stop: false, clear: true)[path].values_at(9, 10, 11, 12, 13)
  p Coverage.running?
  p Coverage.peek_result[path].compact.uniq
  Shape.new(4).kind
  r = Coverage.result
  p r[path].values_at(9, 10, 11, 12, 13)
  p Coverage.running?
  begin
    Coverage.peek_result
  rescue RuntimeError => e
    puts e.message
  end

  Coverage.start(lines: true)
  begin
    Coverage.start
  rescue RuntimeError => e
    puts e.message
  end
  begin
    Coverage.resume
  rescue RuntimeError => e
    puts e.message
  end
  load path
  r = Coverage.result
  p r[path].keys
  show(r[path][:lines])
  p r.key?(File.join(dir, "before.rb"))
end
begin
  Coverage.start(lines: true, oneshot_lines: true)
rescue RuntimeError => e
  puts e.message
end
begin
  Coverage.start(1)
rescue TypeError => e
  puts e.message
end
p Coverage.running?
# expect: false
# expect: peek_result: coverage measurement is not enabled
# expect: result: coverage measurement is not enabled
# expect: suspend: coverage measurement is not running
# expect: resume: coverage measurement is not set up yet
# expect: true
# expect: ["shape.rb"]
# expect: 1:nil 2:1 3:1 4:nil 5:1 6:4 7:nil 8:nil
# expect: 9:1 10:4 11:1 12:3 13:2 14:nil 15:1 16:nil
# expect: 17:nil 18:nil 19:nil 20:1 21:1 22:1 23:3 24:nil
# expect: 25:1 26:nil 27:nil 28:1 29:1 30:nil 31:5 32:1
# expect: 33:1 34:1 35:nil 36:1 37:1 38:3 39:nil 40:nil
# expect: 41:1 42:nil 43:1 44:nil 45:1 46:nil 47:1 48:nil
# expect: 49:nil 50:nil 51:1 52:1 53:0 54:nil 55:1 56:0
# expect: 57:nil
# expect: [6, 2, 4, 3, nil]
# expect: false
# expect: [6, 2, 4, 3, nil]
# expect: [7, 2, 5, 3, nil]
# expect: true
# expect: [0]
# expect: [1, 0, 1, 1, nil]
# expect: false
# expect: coverage measurement is not enabled
# expect: coverage measurement is already setup
# expect: coverage measurement is already running
# expect: [:lines]
# expect: 1:nil 2:1 3:1 4:nil 5:1 6:4 7:nil 8:nil
# expect: 9:1 10:4 11:1 12:3 13:2 14:nil 15:1 16:nil
# expect: 17:nil 18:nil 19:nil 20:1 21:1 22:1 23:3 24:nil
# expect: 25:1 26:nil 27:nil 28:1 29:1 30:nil 31:5 32:1
# expect: 33:1 34:1 35:nil 36:1 37:1 38:3 39:nil 40:nil
# expect: 41:1 42:nil 43:1 44:nil 45:1 46:nil 47:1 48:nil
# expect: 49:nil 50:nil 51:1 52:1 53:0 54:nil 55:1 56:0
# expect: 57:nil
# expect: false
# expect: cannot enable lines and oneshot_lines simultaneously
# expect: no implicit conversion of Integer into Hash
# expect: false
