#!/usr/bin/env bash
# maglev/repository: list_instances and Class#all_instances scan the
# repository in a second process; full_backup_to and restore_from_backup.
. "$(dirname "$0")/lib.sh"
pg_skip "restore_from_backup replaces the repository in place; a PostgreSQL stone restores only into an empty database (test/persist/pg_cli.sh tests backup and restore there)"
D=$MAGLEV_DATA
mrb '
Maglev.persistent do
  class Book
    attr_reader :title
    def initialize(t) = @title = t
  end
  class Novel < Book; end
  class Author; end
end
Maglev[:books] = [Book.new("a"), Book.new("b"), Novel.new("n")]
Maglev[:more] = { x: Book.new("c"), y: Author.new, z: Author.new }
Maglev[:counter] = RCCounter.new
Maglev.commit' >/dev/null
expect "list_instances answers the committed instances of each class" "$(mrb '
  require "maglev/repository"
  books, authors, novels, strings_of_nobody = Maglev::Repository.instance.list_instances([Book, Author, Novel, Comparable])
  p books.map(&:title).sort, authors.size, authors.all?(Author), novels.map(&:title), strings_of_nobody')" '["a", "b", "c"]
2
true
["n"]
[]'
expect "objects not committed are not listed; base-image classes too" "$(mrb '
  require "maglev/repository"
  Maglev[:books] << Book.new("new")
  p Book.all_instances.size, RCCounter.all_instances.map(&:value), Book.all_instances[0].equal?(Book.all_instances[0])')" "3
[0]
true"
expect "list_instances takes classes" "$(mrb 'require "maglev/repository"; begin; Maglev::Repository.instance.list_instances([1]); rescue TypeError => e; p e.message; end')" '"list_instances takes classes"'
mrb 'Maglev[:v] = 1; Maglev.commit' >/dev/null
out=$(mrb "require 'maglev/repository'; p Maglev::Repository.instance.full_backup_to('$D/b1.mdb')")
expect "full_backup_to answers true and writes the file" "$out $( [ -s "$D/b1.mdb" ] && echo written)" "true written"
mrb 'Maglev[:v] = 2; Maglev.commit' >/dev/null
expect "a bad backup path raises the backup's error" "$(mrb "require 'maglev/repository'
  begin; Maglev::Repository.instance.full_backup_to('$D/no/such/dir/b.mdb'); rescue RuntimeError => e; puts :raised; end")" raised
# restore refuses while another process has the repository open
rm -f "$D/open" "$D/release"
mrb "Maglev[:v]; File.write('$D/open', ''); sleep 0.01 until File.exist?('$D/release')" &
until [ -e "$D/open" ]; do sleep 0.01; done
expect "restore refuses while another process is live" "$(mrb "require 'maglev/repository'
  begin; Maglev::Repository.instance.restore_from_backup('$D/b1.mdb'); rescue RuntimeError => e; puts e.message.sub(/[0-9]+/, 'PID'); end; p Maglev[:v]")" \
	"cannot restore: the repository is in use by process PID; stop every other process using it first
2"
touch "$D/release"
wait
out=$(mrb "require 'maglev/repository'; Maglev[:v] = 99; Maglev::Repository.instance.restore_from_backup('$D/b1.mdb'); puts 'not reached'")
expect "restore_from_backup restores and ends the process" "$(echo "$out" | sed 's/last commit [0-9]*, [0-9]* objects/.../')" \
	"restored stone 'test' from $D/b1.mdb: ..."
expect "the next process sees the backed-up state" "$(mrb 'p Maglev[:v], Maglev[:books].size')" "1
3"
finish
