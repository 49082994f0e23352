#!/usr/bin/env bash
# A conformance sweep of MAGLEV-API.md, section by section: what one process
# commits and what others then see, concurrent sessions (conflicts, nested
# levels, locks), and hostile arguments to the Maglev API, which raise the
# TypeError / ArgumentError / NameError a CRuby core method would.
. "$(dirname "$0")/lib.sh"

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

# ---- section 8: Maglev::Repository takes paths and Arrays as CRuby's core methods do
mrb 'Maglev.persistent { class Shelf; end }; Maglev[:shelves] = [Shelf.new, Shelf.new]; Maglev.commit' >/dev/null
expect "list_instances of something not an Array is a TypeError; an Array (or to_ary) lists" \
  "$(mrb 'require "maglev/repository"; r = Maglev::Repository.instance
o = Object.new; def o.to_ary = [Shelf]
p((r.list_instances(1) rescue [$!.class, $!.message]), (r.list_instances(nil) rescue $!.message), r.list_instances([Shelf])[0].size, r.list_instances(o)[0].size)')" \
  '[TypeError, "no implicit conversion of Integer into Array"]
"no implicit conversion of nil into Array"
2
2'
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
finish
