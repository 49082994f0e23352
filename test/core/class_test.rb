# Class.new, Class#new, allocate, superclass, inherited, subclasses, dup of classes
class Shape
  def self.inherited(sub); puts "inherited by #{sub.name.inspect}"; super; end
  attr_reader :args
  def initialize(*args, &blk); @args = args; @blk = blk; end
  def call_blk; @blk.call; end
end
class Circle < Shape; end
anon = Class.new(Shape) { def kind; "anon"; end }
p anon.new.kind, anon.superclass
s = Shape.new(1, 2) { "blk" }
p s.args, s.call_blk
p Shape.allocate.args
p Circle.superclass, Shape.superclass, Object.superclass, BasicObject.superclass, Class.superclass, Module.superclass
p Class.new.superclass, Circle.singleton_class.superclass
p Class.new { |c| p c.class }.class
begin
  Class.new(3)
rescue TypeError => e
  p e.message
end
begin
  Class.new(Class)
rescue TypeError => e
  p e.message
end
begin
  Class.new(Circle.singleton_class)
rescue TypeError => e
  p e.message
end
begin
  Circle.singleton_class.new
rescue TypeError => e
  p e.message
end
p Shape.subclasses.size
class Square < Shape; end
p Shape.subclasses.map(&:inspect).select { |n| n == "Square" || n == "Circle" }.sort
class Counter
  @count = 0
  class << self; attr_accessor :count; end
  def self.make; new; end
  def hi; "hi"; end
end
Copy = Counter.dup
p Copy.name, Copy.new.hi, Copy.make.class, Copy.count, Copy == Counter
m = Comparable.dup
p m.name, m.instance_method(:between?).name
p Class.class, Module.class, Class.new.class, Module.new.class
p Integer.respond_to?(:allocate), Class.new.new.class.class
begin
  Integer.new
rescue NoMethodError => e
  p e.class
end

# expect: inherited by "Circle"
# expect: inherited by nil
# expect: "anon"
# expect: Shape
# expect: [1, 2]
# expect: "blk"
# expect: nil
# expect: Shape
# expect: Object
# expect: BasicObject
# expect: nil
# expect: Module
# expect: Object
# expect: Object
# expect: #<Class:Shape>
# expect: Class
# expect: Class
# expect: "superclass must be an instance of Class (given an instance of Integer)"
# expect: "can't make subclass of Class"
# expect: "can't make subclass of singleton class"
# expect: "can't create instance of singleton class"
# expect: 2
# expect: inherited by "Square"
# expect: ["Circle", "Square"]
# expect: "Copy"
# expect: "hi"
# expect: Copy
# expect: 0
# expect: false
# expect: nil
# expect: :between?
# expect: Class
# expect: Class
# expect: Class
# expect: Module
# expect: true
# expect: Class
# expect: NoMethodError
