#!/usr/bin/env bash
# Instances refer to their class by identity: after remove_const and a new
# definition old instances keep the old class and its methods; remove_const in
# persistent mode reaches processes that already use the constant.
. "$(dirname "$0")/lib.sh"
export MRUBY
mrb '
Maglev.persistent do
  class Book
    def initialize(t) = @title = t
    def shout = @title.upcase
  end
end
Maglev[:old] = Book.new("dune")
Maglev.commit_transaction'
mrb '
Maglev.persistent do
  Object.send(:remove_const, :Book)
  class Book
    def initialize = @pages = 10
    def pages = @pages
    def title = @title
  end
end
Maglev[:new] = Book.new
Maglev.commit_transaction'
out=$(mrb 'o = Maglev[:old]; p o.shout, o.class.equal?(Book), o.respond_to?(:pages), Maglev[:new].pages, Maglev[:new].class.equal?(Book), Maglev[:new].title')
expect "old instances keep the old class version" "$out" '"DUNE"
false
false
10
true
nil'
out=$(mrb '
p defined?(Book)
system(ENV["MRUBY"], "-e", "Maglev.persistent { Object.send(:remove_const, :Book) }; Maglev.commit_transaction")
Maglev.abort_transaction
p defined?(Book), Maglev[:new].pages')
expect "a committed remove_const reaches a running process" "$out" '"constant"
nil
10'
finish
