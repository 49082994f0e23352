#!/usr/bin/env bash
# Repository GC keeps every object a committed object refers to, whatever
# the kind of reference: a Hash's default value and default proc, the keys
# of an identity Hash, Struct members, an exception's ivars and cause, Range
# ends, Set and IdentitySet elements, a singleton method's closure, class
# variables and class-level instance variables, constants, subclass
# instances of Array/Hash/String with ivars, small nested Arrays, a proc's
# captured locals. Each object is reachable through that one edge only; after
# `maglev gc` and `maglev check` a new process reads every one back.
. "$(dirname "$0")/lib.sh"
mrb '
require "set"
Maglev.persistent do
  class Box; attr_accessor :v; def initialize(v) = @v = v; end
  Pair = Struct.new(:l, :r)
  class Oops < StandardError; attr_accessor :data; end
  class Lst < Array; attr_accessor :tag; end
  class Dct < Hash; attr_accessor :tag; end
  class Txt < String; attr_accessor :tag; end
  class Holder
    @@cv = Box.new("class variable")
    @civ = Box.new("class ivar")
    KONST = Box.new("constant")
    class << self; attr_reader :civ; end
    def self.cv = @@cv
  end
  class Node; include Comparable; attr_reader :k; def initialize(k) = @k = k; def <=>(o) = k <=> o.k; def succ = Node.new(k + 1); end
end
r = {}
r[:default] = Hash.new(Box.new("default value"))
cap = Box.new("default proc")
r[:dproc] = Hash.new { |h, k| cap }
ci = {}.compare_by_identity; ci[Box.new("identity key")] = 1; r[:ci] = ci
r[:struct] = Pair.new(Box.new("struct l"), [Box.new("struct r")])
e = begin
  begin; raise ArgumentError, "inner"; rescue => inner; inner.instance_variable_set(:@note, Box.new("cause ivar")); raise Oops, "outer"; end
rescue Oops => x
  x.data = Box.new("exception ivar"); x
end
r[:exc] = e
r[:range] = (Node.new(1)..Node.new(4))
r[:set] = Set[Box.new("set elt")]
r[:iset] = IdentitySet.new.tap { _1 << Box.new("identityset elt") }
s = Object.new; sc = Box.new("singleton closure"); Maglev.persistent { s.define_singleton_method(:peek) { sc.v } }
r[:single] = s
l = Lst[Box.new("array subclass elt")]; l.tag = Box.new("array subclass ivar"); r[:lst] = l
d = Dct.new; d[:k] = Box.new("hash subclass value"); d.tag = Box.new("hash subclass ivar"); r[:dct] = d
t = Txt.new("txt"); t.tag = Box.new("string subclass ivar"); r[:txt] = t
r[:small] = [[[Box.new("small nested")]], [1, [2, Box.new("small nested 2")]]]
loc = Box.new("proc local"); r[:proc] = proc { loc.v }; r[:lambda] = ->(x) { x + loc.v.size }
r[:rational] = Rational(2**100, 3); r[:complex] = Complex(2**90, 2**91)
r[:ivars] = Box.new(nil).tap { |b| 40.times { |i| b.instance_variable_set(:"@i#{i}", i == 39 ? Box.new("ivar 40") : i) } }
Maglev[:r] = r
Maglev.commit'
# garbage too, so a sweep does run
mrb 'Maglev[:junk] = Array.new(500) { |i| [i, "junk#{i}"] }; Maglev.commit; Maglev::PERSISTENT_ROOT.delete(:junk); Maglev.commit'
gc=$("$ROOT/bin/maglev" gc test 2>&1)
expect "gc frees the junk" "$(echo "$gc" | grep -o 'freed [0-9]* records' | head -1)" "freed 1001 records"
chk=$("$ROOT/bin/maglev" check test 2>&1); rc=$?
expect "check after gc: exit 0" "$rc" 0
expect "check after gc: nothing dangling" "$(echo "$chk" | grep '^references:')" "references: 0 dangling"
expect "every edge kept its object" "$(mrb '
require "set"
r = Maglev[:r]
p r[:default][:none].v, r[:dproc][:any].v, r[:ci].keys[0].v, r[:struct].l.v, r[:struct].r[0].v
e = r[:exc]; p e.data.v, e.cause.class, e.cause.instance_variable_get(:@note).v, e.message
p r[:range].to_a.map(&:k), r[:set].first.v, r[:iset].first.v
p r[:single].peek
p r[:lst][0].v, r[:lst].tag.v, r[:dct][:k].v, r[:dct].tag.v, r[:txt].tag.v, r[:txt]
p r[:small][0][0][0].v, r[:small][1][1][1].v, r[:proc].call, r[:lambda].(1)
p Holder.cv.v, Holder.civ.v, Holder::KONST.v
p r[:rational] * 3 == 2**100, r[:complex].imaginary == 2**91, r[:ivars].instance_variable_get(:@i39).v')" \
'"default value"
"default proc"
"identity key"
"struct l"
"struct r"
"exception ivar"
ArgumentError
"cause ivar"
"outer"
[1, 2, 3, 4]
"set elt"
"identityset elt"
"singleton closure"
"array subclass elt"
"array subclass ivar"
"hash subclass value"
"hash subclass ivar"
"string subclass ivar"
"txt"
"small nested"
"small nested 2"
"proc local"
11
"class variable"
"class ivar"
"constant"
true
true
"ivar 40"'
finish
