#!/usr/bin/env bash
# An object's singleton class travels with it: singleton methods (def,
# define_singleton_method), extended persistent modules, on plain objects and
# on core data (a Time marker), on frozen objects; later definitions on a persistent object
# persist in persistent mode and stay local in transient mode. OpenStruct
# (whose members are singleton methods) persists.
. "$(dirname "$0")/lib.sh"
mrb '
  Maglev.persistent { module Greet; def greet = "hello from #{self.class}"; end }
  o = Object.new
  o.instance_variable_set(:@n, 5)
  def o.hi(x = 1) = "hi #{x} #{@n}"
  o.define_singleton_method(:twice) { |y| y * 2 }
  o.extend(Greet)
  class << o
    private def secret = :s
    def tell = secret
  end
  Maglev[:o] = o
  t = Time.at(0).utc
  def t.marker = :migrated
  Maglev[:t] = t
  require "ostruct"
  Maglev[:os] = OpenStruct.new(name: "maglev", year: 2026)
  Maglev.commit' >/dev/null
expect "singleton methods, extended modules and visibility travel" \
  "$(mrb 'o = Maglev[:o]; p o.hi, o.hi(2), o.twice(21), o.greet, o.tell, o.singleton_methods.sort; p((o.secret rescue $!.class))')" \
  $'"hi 1 5"\n"hi 2 5"\n42\n"hello from Object"\n:s\n[:greet, :hi, :tell, :twice]\nNoMethodError'
expect "a singleton method on a Time" "$(mrb 'p Maglev[:t].marker, Maglev[:t].year')" $':migrated\n1970'
mrb 'o = Maglev[:o]; Maglev.persistent { def o.later = :persistent }; def o.local = :transient; Maglev.commit' >/dev/null
expect "definitions on a persistent object follow the mode" "$(mrb 'o = Maglev[:o]; p o.later, o.respond_to?(:local)')" $':persistent\nfalse'
expect "OpenStruct" "$(mrb 'os = Maglev[:os]; p os, os.name, os[:year], os.respond_to?(:name)')" $'#<OpenStruct name="maglev", year=2026>\n"maglev"\n2026\ntrue'
mrb 'Maglev[:os].lang = "ruby"; Maglev.commit' >/dev/null
expect "a member added later" "$(mrb 'p Maglev[:os].lang, Maglev[:os].to_h')" $'"ruby"\n{:name=>"maglev", :year=>2026, :lang=>"ruby"}'
# (persist_fuzz.rb found this: the first commit of a frozen object with a
# singleton class raised FrozenError)
expect "a frozen object with singleton methods commits, and stays frozen" "$(mrb 'o = Object.new; Maglev.persistent { def o.hi = :hi }; s = +"str"; Maglev.persistent { def s.len = size }
  Maglev[:frozen_single] = [o.freeze, s.freeze]; p Maglev.commit' && mrb 'o, s = Maglev[:frozen_single]; p o.frozen?, s.frozen?, o.hi, s.len')" $'true\ntrue\ntrue\n:hi\n3'
finish
