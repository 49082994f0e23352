#!/usr/bin/env bash
# An alias copies the method body it names, as in CRuby: the alias-method
# chain (alias_method :old_x, :x; def x = ... old_x ...) committed in
# persistent mode keeps the old body for the alias in every later process --
# in a class, a class's singleton, an object's singleton class, a core class,
# for attr_* and define_method bodies -- where replaying the alias by name
# made it the new x (a SystemStackError). Then one live process redefines,
# removes, aliases, re-publicizes methods while another holds instances.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev.persistent { class Pt; attr_accessor :x; def initialize(x) = @x = x; def show = "v1 #{@x}"; end }
     Maglev[:pts] = (1..3).map { Pt.new(_1) }; Maglev.commit' >/dev/null
mrb 'Maglev.persistent { class Pt; alias_method :old_show, :show; def show = "v2 " + old_show; end }; Maglev.commit' >/dev/null
expect "an alias made after the method, then the method redefined" "$(mrb 'p Maglev[:pts][0].show, Pt.instance_method(:old_show).original_name')" \
	$'"v2 v1 1"\n:show'
mrb 'Maglev.persistent do
  class K; def self.mk = "k1"; class << self; alias old_mk mk; def mk = "k2+" + old_mk; end; end
  o = Object.new; def o.a = 1; Maglev[:o] = o
  class String; alias_method :old_up, :upcase; def upcase = old_up + "!"; end
  class A2; attr_accessor :v; alias_method :w, :v; def v = "redef"
    define_method(:bm) { 5 }; alias bm2 bm; define_method(:bm) { 6 }; end
  x = A2.new; x.instance_variable_set(:@v, 3); Maglev[:x] = x
end
Maglev.commit' >/dev/null
mrb 'Maglev.persistent { o = Maglev[:o]; class << o; alias b a; def a = b + 10; end }; Maglev.commit' >/dev/null
expect "a class method, an object's singleton method, a core method" "$(mrb 'p K.mk, Maglev[:o].a, Maglev[:o].b, "a".upcase')" \
	$'"k2+k1"\n11\n1\n"A!"'
expect "an attr_reader and a define_method body" "$(mrb 'x = Maglev[:x]; p [x.v, x.w, x.bm, x.bm2]')" '["redef", 3, 6, 5]'
mrb 'Maglev.persistent { class Pt; alias old2 old_show; def old_show = "os"; end }; Maglev.commit' >/dev/null
expect "an alias of an alias" "$(mrb 'p [Pt.new(7).old2, Pt.new(7).old_show, Pt.new(7).show]')" '["v1 7", "os", "v2 os"]'

gem_start a
gem_start b
expect "a holds instances" "$(gem a 'P = Maglev[:pts]; P.map(&:show)')" '["v2 os", "v2 os", "v2 os"]'
gem b 'Maglev.persistent { class Pt; def show = "v3 #{@x}"; def extra = :e; end }; Maglev.commit' >/dev/null
expect "before its boundary the holder runs the old code" "$(gem a 'P[0].show')" '"v2 os"'
expect "after an abort the new" "$(gem a 'Maglev.abort_transaction; [P[0].show, P[1].extra]')" '["v3 1", :e]'
gem b 'Maglev.persistent { class Pt; remove_method :extra; end }; Maglev.commit' >/dev/null
expect "a removed method" "$(gem a 'Maglev.abort_transaction; P[1].respond_to?(:extra)')" 'false'
gem b 'Maglev.persistent { module Sh; def shout = show.upcase; end; class Pt; include Sh; end }; Maglev.commit' >/dev/null
expect "a module included" "$(gem a 'Maglev.abort_transaction; P[2].shout')" '"V3 3!"'
gem b 'Maglev.persistent { class Pt; alias_method :pre, :show; def show = "v4 " + pre; end }; Maglev.commit' >/dev/null
expect "an alias chain made by the other process" "$(gem a 'Maglev.abort_transaction; P[0].show')" '"v4 v3 1"'
gem b 'Maglev.persistent { class Pt; private :show; end }; Maglev.commit' >/dev/null
expect "a visibility change" "$(gem a 'Maglev.abort_transaction; begin; P[0].show; rescue NoMethodError; :private; end')" ':private'
gem b 'Maglev.persistent { class Pt; public :show; define_method(:dm) { |y = 2| @x * y }; def self.make(n) = new(n * 100); end }; Maglev.commit' >/dev/null
expect "define_method and a class method" "$(gem a 'Maglev.abort_transaction; [P[0].show, P[2].dm, P[2].dm(10), Pt.make(2).x]')" '["v4 v3 1", 6, 30, 200]'
gem_stop a
gem_stop b
expect "a new process" "$(mrb 'p Maglev[:pts][0].show, Maglev[:pts][0].pre')" $'"v4 v3 1"\n"v3 1"'
finish
