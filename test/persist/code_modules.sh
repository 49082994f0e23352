#!/usr/bin/env bash
# include/prepend/extend in persistent mode persist; Module#maglev_persistable
# marks an existing class; Maglev.persistent(false) and
# maglev_instances_persistable= keep instances out of the repository.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  module Loud
    def loud = to_s.upcase
  end
  module Hello
    def hi = "pre-" + super
  end
  module Factory
    def build = new
  end
  class Pet
    include Loud
    prepend Hello
    extend Factory
    def hi = "pet"
    def to_s = "rex"
  end
end
Maglev.commit_transaction'
out=$(mrb 'p Pet.new.loud, Pet.new.hi, Pet.build.class, Pet.ancestors.take(4), Pet.singleton_class.include?(Factory)')
expect "included, prepended and extended modules persist" "$out" '"REX"
"pre-pet"
Pet
[Hello, Pet, Loud, Object]
true'
out=$(mrb '
module Helpers
  def help = :help
end
class Later
  include Helpers
  LIMIT = 5
  def a = :a
  def self.b = :b
end
class Bare
  def a = :a
end
p [Later.maglev_persistable?, Helpers.maglev_persistable?]
Helpers.maglev_persistable(true)
Later.maglev_persistable(true)
Bare.maglev_persistable
p [Later.maglev_persistable?, Bare.maglev_persistable?]
Maglev.commit_transaction')
expect "maglev_persistable? follows the marking" "$out" '[false, false]
[true, true]'
out=$(mrb 'p Later.new.a, Later.b, Later::LIMIT, Later.new.help, Bare.instance_methods(false), Bare.maglev_persistable?')
expect "maglev_persistable(true) stages methods, constants and modules; without true only the class" "$out" ':a
:b
5
:help
[]
true'
out=$(mrb '
begin
  Class.new.maglev_instances_persistable = true
rescue Maglev::NotPersistableException => e
  p e.class.superclass
end
Maglev.persistent(false) { class Lib; def x = 1; end }
Maglev.commit_transaction
p Lib.maglev_persistable?, Lib.maglev_instances_persistable?
Maglev[:lib] = Lib.new
begin
  Maglev.commit_transaction
rescue TransactionError => e
  p e.object.class
end
Maglev.abort_transaction
Maglev.persistent { class Open; end }
Open.maglev_instances_persistable = false
Maglev[:open] = Open.new
begin
  Maglev.commit_transaction
rescue TransactionError => e
  p e.object.class
end
Maglev.abort_transaction
Maglev.commit_transaction')
expect "classes without persistent instances" "$out" 'Maglev::MaglevException
true
false
Lib
Open'
expect "their code persists" "$(mrb 'p Lib.new.x, Lib.maglev_instances_persistable?')" '1
false'
# a base-image class or module is persistable already: maglev_persistable(true)
# changes nothing (MagLev's _setPersistable: returns at once for Object), so
# the commit does not meet Object's transient constants or prelude methods
out=$(mrb '
class TransientTop; end
class String; def local_shout = upcase; end
Object.maglev_persistable(true)
String.maglev_persistable(true)
Comparable.maglev_persistable(true) { |m| true }
Maglev[:base] = "kept"
p Maglev.commit_transaction, Object.maglev_persistable?, String.maglev_persistable?')
expect "maglev_persistable(true) on base-image classes and modules commits" "$out" $'true\ntrue\ntrue'
expect "and leaves them as they were" "$(mrb 'p Maglev[:base], "x".respond_to?(:local_shout), defined?(TransientTop), [3, 1].max, "ab".upcase')" $'"kept"\nfalse\nnil\n3\n"AB"'
finish
