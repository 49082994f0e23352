# Module: names, comparison, ancestors, include/prepend and their hooks
module Walk; def move; "walk"; end; end
module Swim; def move; "swim+" + super; end; end
class Base; end
class Duck < Base
  include Walk
  prepend Swim
end
p Duck.name, Duck.to_s, Duck.inspect, Walk.name, Walk.to_s
p Duck.ancestors.take(5)
p Duck.new.move
p Duck.include?(Walk), Duck.include?(Swim), Duck.include?(Comparable), Base.include?(Walk)
p Duck.included_modules.take(3)
p Duck < Base, Base < Duck, Duck <= Duck, Duck < Duck, Duck > Base, Base >= Duck
p Duck < Walk, Walk > Duck, (Walk < Comparable).inspect, (Duck <=> Base), (Base <=> Duck), (Duck <=> Duck)
p (Walk <=> Comparable), (Duck <=> 3)
begin
  Duck < 3
rescue TypeError => e
  p e.message
end
p Walk === Duck.new, Duck === Base.new, Comparable === 3, Integer === 3
anon = Module.new
p anon.name, anon.to_s =~ /\A#<Module:0x[0-9a-f]{16}>\z/
Named = anon
p anon.name, anon.to_s
c = Class.new
p c.name
module Outer; class Inner; end; module Deep; end; end
p Outer::Inner.name, Outer::Deep.to_s
p Duck.singleton_class.to_s, Duck.singleton_class.singleton_class?, Duck.singleton_class?
module Tracker
  def self.included(base); puts "included in #{base}"; end
  def self.prepended(base); puts "prepended to #{base}"; end
  def self.extended(obj); puts "extended #{obj.class}"; end
  def self.append_features(base); puts "append_features #{base}"; super; end
end
class T1; include Tracker; end
class T2; prepend Tracker; end
Object.new.extend(Tracker)
p T1.include?(Tracker)
module A1; end
module A2; end
class Multi; include A1, A2; end
p Multi.ancestors.take(3)
begin
  Class.new { include Class.new }
rescue TypeError => e
  p e.message
end
begin
  Module.new.include
rescue ArgumentError => e
  p e.message
end
m = Module.new { def hi; "hi"; end }
p Class.new { include m }.new.hi
p Module.new { |x| p x.class }.class

# expect: "Duck"
# expect: "Duck"
# expect: "Duck"
# expect: "Walk"
# expect: "Walk"
# expect: [Swim, Duck, Walk, Base, Object]
# expect: "swim+walk"
# expect: true
# expect: true
# expect: false
# expect: false
# expect: [Swim, Walk, Kernel]
# expect: true
# expect: false
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: true
# expect: "nil"
# expect: -1
# expect: 1
# expect: 0
# expect: nil
# expect: nil
# expect: "compared with non class/module"
# expect: true
# expect: false
# expect: true
# expect: true
# expect: nil
# expect: 0
# expect: "Named"
# expect: "Named"
# expect: nil
# expect: "Outer::Inner"
# expect: "Outer::Deep"
# expect: "#<Class:Duck>"
# expect: true
# expect: false
# expect: append_features T1
# expect: included in T1
# expect: prepended to T2
# expect: extended Object
# expect: true
# expect: [Multi, A1, A2]
# expect: "wrong argument type Class (expected Module)"
# expect: "wrong number of arguments (given 0, expected 1+)"
# expect: "hi"
# expect: Module
# expect: Module
