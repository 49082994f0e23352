#!/usr/bin/env bash
# A class defined in persistent mode and committed by one process is used by
# others that never load its source: methods, constants, class methods,
# visibility, instances, class ivars and class variables, nested namespaces.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  module Shop
    RATE = 2
    module Util
      def self.twice(x) = x * 2
    end
    class Book
      attr_accessor :title
      @@made = 0
      @shelf = [:fiction]
      class << self
        attr_reader :shelf
        def made = @@made
      end
      def initialize(title)
        @title = title
        @@made += 1
      end
      def shout = title.upcase + "!"
      def price = Util.twice(title.size) * RATE
      def self.make(t) = new(t)
      alias cost price
      def secret = 42
      private :secret
      def peek = secret
    end
  end
end
Maglev[:book] = Shop::Book.new("dune")
Maglev.commit_transaction'
out=$(mrb '
b = Shop::Book.new("emma")
p b.shout, b.price, b.cost, b.peek
p Shop::Book.instance_methods(false).sort
p Shop::Book.private_instance_methods(false).sort
p Shop::Book.make("x").title, Shop::Book.shelf, Shop::Book.made
p Shop::RATE, Shop::Util.twice(5)
p Maglev[:book].title, Maglev[:book].shout, Maglev[:book].class.equal?(Shop::Book)
begin
  b.secret
rescue NoMethodError => e
  p e.class
end
Maglev[:emma] = b
Maglev.commit_transaction')
expect "a second process uses the class without its source" "$out" '"EMMA!"
16
16
42
[:cost, :peek, :price, :shout, :title, :title=]
[:initialize, :secret]
"x"
[:fiction]
3
2
10
"dune"
"DUNE!"
true
NoMethodError'
out=$(mrb 'p Maglev[:emma].title, Maglev[:emma].shout, Maglev[:emma].class.name, Shop::Book.made')
# @@made was bumped in transient mode by the second process: that stays local
expect "instances created by the second process persist" "$out" '"emma"
"EMMA!"
"Shop::Book"
1'
expect "defined? sees committed classes in a fresh process" "$(mrb 'p defined?(Shop), defined?(Shop::Book), defined?(Shop::Nope)')" '"constant"
"constant"
nil'
out=$(mrb 'p Maglev[:book].class.object_id == Shop::Book.object_id, Maglev[:book].class.superclass, Shop::Book.ancestors.take(2)')
expect "the faulted class is the named one" "$out" 'true
Object
[Shop::Book, Object]'
mrb '
Maglev.persistent do
  Point = Struct.new(:x, :y) do
    def sum = x + y
  end
  Greeter = Class.new { def hello = :hi }
end
Maglev[:pt] = Point.new(3, 4)
Maglev.commit_transaction'
out=$(mrb 'p Point.new(1, 2).sum, Maglev[:pt], Maglev[:pt].sum, Point.members, Greeter.new.hello, Greeter.name')
expect "Struct.new and Class.new classes persist" "$out" '3
#<struct Point x=3, y=4>
7
[:x, :y]
:hi
"Greeter"'
finish
