#!/usr/bin/env bash
# Class#all_instances and Repository#list_instances read the class index
# (one key range per class, lmdb_backend.c "the class index"): right across
# commits, aborts, become (an instance changing class), repository GC, and in
# a repository whose records predate the index.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  class Item; attr_reader :n; def initialize(n) = @n = n; end
  class Other; end
end
Maglev[:items] = Array.new(20) { |i| Item.new(i) }
Maglev[:others] = [Other.new, Other.new]
Maglev.commit_transaction'
expect "all instances of each class" "$(mrb 'require "maglev/repository"; p Item.all_instances.map(&:n).sort == (0...20).to_a, Other.all_instances.size, Maglev::Repository.instance.list_instances([Other, Item]).map(&:size)')" 'true
2
[2, 20]'
expect "what a view does not have is not listed; an abort shows the committed state" "$(mrb '
require "maglev/repository"
Maglev[:items] << Item.new(99)
a = Item.all_instances.size
Maglev.abort_transaction
p a, Item.all_instances.size')" '20
20'
expect "become moves an instance to its new class" "$(mrb '
require "maglev/repository"
Maglev[:others][0].become(Item.new(100))
Maglev.commit_transaction
p Item.all_instances.size, Other.all_instances.size')" '21
1'
expect "a second process agrees" "$(mrb 'require "maglev/repository"; p Item.all_instances.map(&:n).max, Other.all_instances.size')" '100
1'
mrb 'Maglev[:items].slice!(0, 10); Maglev.commit_transaction'
"$ROOT/bin/maglev" gc test >/dev/null
expect "after repository GC the reclaimed ones are gone" "$(mrb 'require "maglev/repository"; p Item.all_instances.size')" '11'
if on_pg; then
	# a database of schema 1 (before the class index): no cls column, the commit function of four arguments
	pg_sql "ALTER TABLE mg_obj DROP COLUMN cls; DROP FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[], bigint, text);
		CREATE FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[]) RETURNS bigint[] LANGUAGE sql AS 'SELECT NULL::bigint[]';
		DELETE FROM mg_meta WHERE key = 'classidx'; UPDATE mg_meta SET value = 1 WHERE key = 'schema'"
	expect "PostgreSQL: a schema-1 database is upgraded by its first writable open, its rows indexed" \
		"$(mrb 'require "maglev/repository"; p Item.all_instances.size')
$(pg_sql "SELECT key, value FROM mg_meta WHERE key IN ('schema', 'classidx') ORDER BY key")" '11
classidx|1
schema|'"$PG_SCHEMA"
	expect "and commits after the upgrade are indexed" "$(mrb '
require "maglev/repository"
Maglev[:items] << Item.new(7); Maglev.commit_transaction
p Item.all_instances.size')" '12'
fi
finish
