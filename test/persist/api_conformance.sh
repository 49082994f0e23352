#!/usr/bin/env bash
# A conformance sweep of MAGLEV-API.md, section by section: what one process
# commits and what others then see, concurrent sessions (conflicts, nested
# levels, locks), and hostile arguments to the Maglev API, which raise the
# TypeError / ArgumentError / NameError a CRuby core method would.
. "$(dirname "$0")/lib.sh"

# ---- section 1, fact 7: abort discards the transaction's definitions, also
# in a base-image class that has no record yet (Object and String in a new
# repository): a later commit of something else must not write them
fresh_repository abort_new
expect "an aborted first definition is undone in this process" "$(mrb '
Maglev.persistent { class Draft; def x = 1; end; DRAFT_LIMIT = 3; class String; def shout = upcase + "!"; end }
Maglev.abort_transaction
p defined?(DRAFT_LIMIT), String.method_defined?(:shout)
Maglev.persistent { KEPT = 1 }
Maglev.commit_transaction')" 'nil
false'
expect "and a later commit of something else does not write it" \
  "$(mrb 'p defined?(Draft), defined?(DRAFT_LIMIT), String.method_defined?(:shout), KEPT')" 'nil
nil
false
1'

# ---- section 3: Module#transient_const_set takes a constant name as const_set does
expect "transient_const_set: a name that is no constant name is a NameError, a non-name a TypeError" \
  "$(mrb 'm = Module.new
p((m.transient_const_set(:lower) { 1 } rescue [$!.class, $!.message]), (m.transient_const_set(1) { 1 } rescue $!.class))
p m.transient_const_set("Y") { 2 }, m::Y, m.constants')" \
  '[NameError, "wrong constant name lower"]
TypeError
2
2
[:Y]'

# ---- section 3: private_constant / public_constant / deprecate_constant
# (CRuby's, used by library code loaded in persistent mode: socket,
# openssl, forwardable) hold in this process and persist with the class;
# an abort takes back an uncommitted one
mrb 'Maglev.persistent do
  class Vault
    SECRET = 1; OPEN = 2; OLD = 3
    private_constant :SECRET
    deprecate_constant :OLD
    def self.peek = SECRET
  end
end
Maglev.persistent { class Vault; LOCK = Thread::Mutex.new; private_constant :LOCK; def self.lock = LOCK; end }
class Vault; MINE = 4; private_constant :MINE; end
Maglev.commit' >/dev/null
expect "a private constant: Vault::SECRET is a NameError, lexical and const_get reach it" "$(mrb '
p Vault.peek, (Vault::SECRET rescue [$!.class, $!.message[/.*referenced/], $!.name]), Vault.const_get(:SECRET), defined?(Vault::SECRET), Vault.constants.sort, Vault.const_defined?(:SECRET)
p Maglev.persistent { Vault.private_constant(:OPEN) }.equal?(Vault), (Vault::OPEN rescue $!.class); Maglev.abort_transaction; p Vault::OPEN, defined?(Vault::MINE)
p Vault.lock.class, (Vault::LOCK rescue $!.class)
Warning[:deprecated] = true; $stderr = $stdout; Vault::OLD')" \
  '1
[NameError, "private constant Vault::SECRET referenced", :SECRET]
1
nil
[:OLD, :OPEN]
true
true
NameError
2
nil
Thread::Mutex
NameError
-e:5: warning: constant Vault::OLD is deprecated'
expect "Vault::X = v on a constant Vault has warns as CRuby does (a committed one's place is not known)" \
  "$("$MRUBY" -e 'Vault::OPEN = 5; p Vault::OPEN; Vault::NEW = 1; Vault::NEW = 2' 2>&1)" \
  '-e:1: warning: already initialized constant Vault::OPEN
5
-e:1: warning: already initialized constant Vault::NEW
-e:1: warning: previous definition of NEW was here'
expect "class / module over a constant of another kind: CRuby's TypeError" "$(mrb 'X = 1
p((class X; end rescue $!.message))
p((module Vault; end rescue $!.message))
p((class Comparable; end rescue $!.message))')" \
  '"X is not a class\n-e:1: previous definition of X was here"
"Vault is not a module\n:: previous definition of Vault was here"
"Comparable is not a class\n:: previous definition of Comparable was here"'
mrb 'Maglev.persistent { Vault.public_constant :SECRET }; Maglev.commit' >/dev/null
expect "public_constant in persistent mode persists too" "$(mrb 'p Vault::SECRET, Vault.constants.sort')" '1
[:OLD, :OPEN, :SECRET]'

# ---- section 7: RCHash#rebuild_table(n) takes a size, as GemStone's rebuildTable: does
expect "rebuild_table without a size, or with one that is no Integer, raises" \
  "$(mrb 'h = RCHash.new; h[:a] = 1; p((h.rebuild_table rescue $!.class), (h.rebuild_table("x") rescue $!.message), (h.rebuild_table(-1) rescue $!.class), h.rebuild_table(64).equal?(h), h[:a])')" \
  'ArgumentError
"no implicit conversion of String into Integer"
ArgumentError
true
1'

# ---- section 9: GStore.new and OrderedCollection.new take what PStore.new and
# a collection take (a path; an enumerable), else TypeError as in CRuby
expect "GStore.new(nil / 5), File.path(nil), OrderedCollection.new(-1)" \
  "$(mrb 'require "maglev/gstore"; require "maglev/orderedcollection"; require "pathname"
p GStore.new(Pathname("db")).path, (GStore.new(nil) rescue [$!.class, $!.message]), (GStore.new(5) rescue $!.class), (File.path(nil) rescue $!.class)
p OrderedCollection.new(1..3).to_a, (OrderedCollection.new(-1) rescue [$!.class, $!.message])')" \
  '"db"
[TypeError, "no implicit conversion of nil into String"]
TypeError
TypeError
[1, 2, 3]
[TypeError, "no implicit conversion of Integer into Array"]'

# ---- section 8: become of a persistent object with one of another kind
# (records that refer to it name its kind): refused, and nothing is damaged
mrb 'Maglev[:list] = [1]; Maglev[:holder] = { x: Maglev[:list] }; Maglev.commit' >/dev/null
expect "a persistent Array cannot become a String; the same kind still swaps" "$(mrb '
s = +"transient"; a = Maglev[:list]
p [(a.become(s) rescue [$!.class, $!.message]), (s.become(a) rescue $!.class)]
b = [2, 3]; a.become(b); p a, b, Maglev[:holder][:x].equal?(a); Maglev.commit')" \
  '[[ArgumentError, "a persistent Array cannot become a String: only an object of the same kind can (plain object, String, Array, Hash or Range)"], ArgumentError]
[2, 3]
[1]
true'
expect "another process reads the swapped Array through both references" "$(mrb 'p Maglev[:list], Maglev[:holder][:x].equal?(Maglev[:list])')" '[2, 3]
true'

# ---- section 8: Maglev::Repository takes paths and Arrays as CRuby's core methods do
mrb 'Maglev.persistent { class Shelf; end }; Maglev[:shelves] = [Shelf.new, Shelf.new]; Maglev.commit' >/dev/null
expect "list_instances of something not an Array is a TypeError; an Array (or to_ary) lists; a class listed twice gets the same Array twice" \
  "$(mrb 'require "maglev/repository"; r = Maglev::Repository.instance
o = Object.new; def o.to_ary = [Shelf]
p((r.list_instances(1) rescue [$!.class, $!.message]), (r.list_instances(nil) rescue $!.message), r.list_instances([Shelf])[0].size, r.list_instances(o)[0].size)
a, b, c = r.list_instances([Shelf, Array, Shelf]); p a.size, a.equal?(c)')" \
  '[TypeError, "no implicit conversion of Integer into Array"]
"no implicit conversion of nil into Array"
2
2
2
true'
expect "full_backup_to / restore_from_backup of a non-path are TypeErrors and write no file" \
  "$(cd "$MAGLEV_DATA" && mrb 'require "maglev/repository"; r = Maglev::Repository.instance
p((r.full_backup_to(5) rescue $!.message), (r.full_backup_to(nil) rescue $!.class), (r.restore_from_backup(nil) rescue $!.class), File.exist?("5"))
require "pathname"; p r.full_backup_to(Pathname("bk.mdb")), File.size?("bk.mdb").to_i > 0')" \
  '"no implicit conversion of Integer into String"
TypeError
TypeError
false
true
true'

# ---- section 8: IdentitySet indexes on instance variables declared fixed
# (examples/persistence/indexing, magtag's User: __fixed_instvars in the body)
cat >"$MAGLEV_DATA/person.rb" <<'RUBY'
class Person
  __fixed_instvars :@name, "@age", :city
  attr_reader :name, :age
  def initialize(n, a) = (@name, @age = n, a)
  ALL = IdentitySet.new unless defined? ALL
end
Person::ALL << Person.new("ann", 31) << Person.new("bob", 17)
RUBY
expect "-Mcommit of a class declaring __fixed_instvars" "$(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit person.rb 2>&1; echo "exit $?")" "exit 0"
expect "a later process indexes and searches its instances" "$(mrb 'Person::ALL.create_equality_index("@age", Integer)
p Person::ALL.search([:@age], :gte, 18).map(&:name), Person.new("x", 1).instance_variables, Person.__fixed_instvars
p((Class.new { __fixed_instvars 1 } rescue $!.class), (Class.new { __fixed_instvars :"@1" } rescue $!.class), (Module.new { __fixed_instvars :@a } rescue $!.class))')" \
  '["ann"]
[:@name, :@age]
nil
TypeError
NameError
NoMethodError'
# ---- section 1, fact 9: code loaded in persistent mode keeps its file's
# `# frozen_string_literal: true` in later processes (they compile the
# recorded method text again)
printf '# frozen_string_literal: true\nclass Frozen; def lit = "abc"; def built = "a#{1}"; end\n' >"$MAGLEV_DATA/frozen.rb"
printf 'class Thawed; def lit = "abc"; end\n' >"$MAGLEV_DATA/thawed.rb"
(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit -e 'require "./frozen"; require "./thawed"')
expect "a later process: the literal is frozen as in the defining file, the other file's not" \
  "$(mrb 'p Frozen.new.lit.frozen?, Frozen.new.built.frozen?, Thawed.new.lit.frozen?')" 'true
false
false'

# ---- section 10: -C / -X DIR (CRuby's): cd at once, so a later -I and the
# script name are relative to DIR; -Mcommit commits what the script did there
mkdir -p "$MAGLEV_DATA/app/lib"
echo 'module AppLib; DIR = Dir.pwd; end' >"$MAGLEV_DATA/app/lib/app_lib.rb"
echo 'require "app_lib"; Maglev[:app_dir] = [AppLib::DIR, File.basename(__FILE__)]' >"$MAGLEV_DATA/app/main.rb"
expect "-C DIR -I lib -Mcommit main.rb" "$(cd / && "$MRUBY" -C "$MAGLEV_DATA/app" -I lib -Mcommit main.rb 2>&1; echo "exit $?")" "exit 0"
expect "the script ran in DIR and its work is committed" "$(mrb 'p Maglev[:app_dir] == [File.join(ENV["MAGLEV_DATA"], "app"), "main.rb"], AppLib::DIR == Maglev[:app_dir][0]')" $'true\ntrue'
expect "-XDIR attached, -C twice, and a directory that is not there" \
  "$("$MRUBY" -X/ -C tmp -e 'p Dir.pwd' 2>&1; "$MRUBY" -C "$MAGLEV_DATA/none" -e 'p 1' 2>&1; echo "exit $?")" \
  '"/tmp"
maglev-ruby: Can'"'"'t chdir to '"$MAGLEV_DATA"'/none (fatal)
exit 1'

# ---- section 10: MAGLEV_DATA / MAGLEV_STONE that name no usable directory:
# the error says why (it said "no error")
if ! on_pg; then
  expect "a repository path through a file says why it cannot be opened" \
    "$(MAGLEV_DATA=/etc/hostname MAGLEV_STONE=test "$MRUBY" -e 'p((Maglev[:x] rescue $!.message)); p((Maglev.root.size rescue $!.message))' 2>&1)" \
    '"repository /etc/hostname/test could not be opened: Not a directory"
"repository /etc/hostname/test could not be opened: Not a directory"'
  expect "and a stone name too long for the file system" \
    "$(MAGLEV_STONE=$(printf 's%.0s' $(seq 300)) "$MRUBY" -e 'p Maglev[:x]' 2>&1 | grep -o 'could not be opened: .*(RuntimeError)')" \
    'could not be opened: File name too long (RuntimeError)'
fi

# ---- section 2/3: MagLev's Maglev.rb makes the transaction and mode calls
# module functions, so a class that includes Maglev calls them bare (private)
fresh_repository module_functions
expect "include Maglev: commit_transaction, persistent, root... as private methods" "$(mrb '
class Installer
  include Maglev
  def run
    persistent { Object.const_set(:Installed, Class.new) }
    root[:by] = :installer
    [persistent?, transient { transient? }, commit_transaction]
  end
end
p Installer.new.run, (Installer.new.commit rescue $!.class), Maglev.private_instance_methods(false).size')$(mrb 'p defined?(Installed), Maglev[:by]')" '[false, true, true]
NoMethodError
12"constant"
:installer'
finish
