#!/usr/bin/env bash
# Re-opening a persistent class in persistent mode adds to it for every later
# process; transient-mode definitions stay in their process (and hide the
# repository's one there); a running process sees new code after a boundary.
. "$(dirname "$0")/lib.sh"
export MRUBY
mrb '
Maglev.persistent do
  class Book
    attr_reader :title
    def initialize(t) = @title = t
    def shout = title.upcase
  end
end
Maglev.commit_transaction'
mrb '
Maglev.persistent do
  class Book
    def size = title.size
    VERSION = 2
  end
end
class Book
  def local_only = :mine
  TRANSIENT_CONST = 1
end
Maglev.transient { class Book; def also_local = 1; end }
class Scratch; end
Maglev.commit_transaction'
out=$(mrb 'p Book.new("abc").size, Book::VERSION, Book.method_defined?(:local_only), Book.method_defined?(:also_local), defined?(Book::TRANSIENT_CONST), defined?(Scratch)')
expect "persistent re-opening adds, transient definitions stay local" "$out" '3
2
false
false
nil
nil'
out=$(mrb '
class Book
  def shout = "transient"
end
p Book.new("a").shout
Maglev.commit_transaction
p Book.new("a").shout
Maglev.abort_transaction
p Book.new("a").shout')
expect "a transient redefinition hides the repository one, across commit and abort" "$out" '"transient"
"transient"
"transient"'
expect "the repository keeps its definition" "$(mrb 'p Book.new("a").shout')" '"A"'
out=$(mrb '
p Book.method_defined?(:late)
system(ENV["MRUBY"], "-e", "Maglev.persistent { class Book; def late = :late; end }; Maglev.commit_transaction")
p Book.method_defined?(:late)
Maglev.abort_transaction
p Book.new("q").late
system(ENV["MRUBY"], "-e", "Maglev.persistent { class Book; remove_method :late; class Novel < Book; def late = :novel; end; end }; Maglev.commit_transaction")
Maglev.commit_transaction
p Book.method_defined?(:late), Book::Novel.new("n").late, Book::Novel.superclass')
expect "code committed elsewhere appears at the next abort or commit" "$out" 'false
false
:late
false
:novel
Book'
out=$(mrb '
Maglev.persistent do
  class String
    def shouty = upcase + "!"
  end
  module Kernel
    def helper_from_repo = :kernel
  end
end
Maglev.commit_transaction')
expect "methods added to core classes in persistent mode persist" "$(mrb 'p "hi".shouty, helper_from_repo')" '"HI!"
:kernel'
finish
