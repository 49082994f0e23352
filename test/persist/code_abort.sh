#!/usr/bin/env bash
# Abort resets persistent classes too: methods and constants defined in
# persistent mode and not committed are undone in this process (outermost
# abort, and a nested level's abort back to its start); a definition they
# replaced comes back; what a nested commit folds in reaches the repository
# only with the outermost commit. Another process sees exactly what was
# committed.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev.persistent { class Book; def title = "committed"; LIMIT = 1; @shelf = 1; @@copies = 1; end }; Maglev.commit_transaction'
out=$(mrb '
Maglev.persistent { class Book; def title = "changed"; def pages = 10; EXTRA = 2; @shelf = 2; @room = 3; @@copies = 2; @@readers = 3; end }
p Book.new.title, Book.new.pages, Book::EXTRA
Maglev.abort_transaction
p Book.new.title, Book.new.respond_to?(:pages), defined?(Book::EXTRA), Book::LIMIT, Book.instance_variables, Book.instance_variable_get(:@shelf), Book.class_variables, Book.class_variable_get(:@@copies)
Maglev.transient { class Book; def local = :mine; end }
Maglev.abort_transaction
p Book.new.local')
expect "an outermost abort undoes uncommitted definitions, class ivars and class variables" "$out" '"changed"
10
2
"committed"
false
nil
1
[:@shelf]
1
[:@@copies]
1
:mine'
out=$(mrb '
Maglev.begin_nested_transaction
Maglev.persistent { class Book; def title = "nested"; def isbn = 42; NESTED = 3; end }
Maglev.abort_transaction
p Maglev.transaction_level, Book.new.title, Book.new.respond_to?(:isbn), defined?(Book::NESTED)
Maglev.persistent { class Book; def author = "outer"; end }
Maglev.begin_nested_transaction
Maglev.persistent { class Book; def year = 1999; end }
Maglev.begin_nested_transaction
Maglev.persistent { class Book; def kept = :folded; end }
Maglev.commit_transaction
Maglev.begin_nested_transaction
Maglev.persistent { class Book; def title = "inner"; end }
Maglev.abort_transaction
p Maglev.transaction_level, Book.new.title, Book.new.kept
Maglev.abort_transaction
p Maglev.transaction_level, Book.new.respond_to?(:year), Book.new.respond_to?(:kept), Book.new.author
Maglev.begin_nested_transaction
Maglev.persistent { class Book; def edition = 2; end }
Maglev.commit_transaction
Maglev.commit_transaction')
expect "a nested abort undoes the level's definitions, a nested commit folds them in" "$out" '1
"committed"
false
nil
2
"committed"
:folded
1
false
false
"outer"'
expect "another process sees what the outermost commit wrote" \
	"$(mrb 'p Book.instance_methods(false).sort, Book.constants.sort')" '[:author, :edition, :title]
[:LIMIT]'
finish
