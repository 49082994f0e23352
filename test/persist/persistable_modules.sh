#!/usr/bin/env bash
# Module#maglev_persistable(true) on a class defined in transient mode takes
# the modules it includes and extends along (MAGLEV-API.md section 4): they
# become persistable with their methods, the include/extend is recorded, and
# the optional block picks which modules go. A later process that loads no
# source has the class with those modules.
. "$(dirname "$0")/lib.sh"
define='
module Greet; def greet = "hi #{name}"; end
module Count; def count = 42; end
module Deep; def deep = :deep; end
module Shout; include Deep; def shout = greet.upcase; end
class Person
  include Greet
  include Shout
  include Comparable
  extend Count
  attr_accessor :name
  def initialize(n) = @name = n
  def <=>(o) = name <=> o.name
end'
check='p [Maglev[:p].greet, Maglev[:p].shout, Maglev[:p].deep, Person.count, Maglev[:p] < Person.new("bob"), Person.ancestors.take(5)]'
mrb "$define"'
Person.maglev_persistable(true)
Maglev[:p] = Person.new("ann")
Maglev.commit' >/dev/null
expect "every included and extended module goes, with what they include" "$(mrb "$check")" \
  '["hi ann", "HI ANN", :deep, 42, true, [Person, Comparable, Shout, Deep, Greet]]'
expect "they are persistable now" "$(mrb 'p [Greet, Count, Shout, Deep].map(&:maglev_persistable?)')" '[true, true, true, true]'
fresh_repository picked
expect "the block picks the modules (and sees each one)" "$(mrb "$define"'
seen = []
Person.maglev_persistable(true) { |m| seen << m; m != Count }
Maglev[:p] = Person.new("ann")
Maglev.commit
p seen.sort_by(&:name)')" '[Comparable, Count, Deep, Greet, Shout]'
expect "a later process has the picked ones only" "$(mrb 'p [Maglev[:p].shout, Person.respond_to?(:count), defined?(Count)]')" '["HI ANN", false, nil]'
finish
