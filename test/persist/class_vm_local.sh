#!/usr/bin/env bash
# Class variables and class-level instance variables of persistent classes
# that hold VM-local objects (uri's @@to_s = Kernel.instance_method(:to_s),
# cgi's @@accept_charset = Encoding::UTF_8, a Mutex guarding a class) are
# written as a recipe: the commit succeeds (it raised TransactionError:
# `Maglev.persistent { require "uri" }` could not be committed), every later
# process makes its own, and a process that reads the class record again
# (an abort after another process's commit) keeps the object it has -- a
# Mutex it holds stays locked.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  require "uri"
  require "erb"
  class Registry
    @@lock = Thread::Mutex.new
    @@enc = Encoding::ISO_8859_1
    @meth = ::Array.instance_method(:size)
    @@items = []
    @@cache = ObjectSpace::WeakMap.new
    def self.cache = @@cache
    class << self; attr_reader :meth; end
    def self.add(x) = @@lock.synchronize { @@items << x; @@items.size }
    def self.lock = @@lock
    def self.enc = @@enc
  end
end
Maglev[:u] = URI("https://user@example.com:8080/p/a?q=1#f")
Registry.add(:first)
Maglev.commit' >/dev/null
expect "uri and erb (cgi) required in persistent mode work in a later process" "$(mrb 'u = Maglev[:u]; p u.host, u.port, u.to_s, URI.join("http://a/b/", "c").to_s, ERB.new("<%= CGI.escapeHTML(%q(<b>)) %>").result')" \
  '"example.com"
8080
"https://user@example.com:8080/p/a?q=1#f"
"http://a/b/c"
"&lt;b&gt;"'
expect "a later process has its own Mutex, the Encoding, the UnboundMethod, a WeakMap" "$(mrb 'p Registry.lock.class, Registry.cache.class, Registry.lock.locked?, Registry.enc.equal?(Encoding::ISO_8859_1), Registry.meth.bind_call([1, 2, 3]), Registry.add(:second)')" \
  'Thread::Mutex
ObjectSpace::WeakMap
false
true
3
2'
gem_start a
gem a 'Registry.lock.lock; L = Registry.lock; Registry.enc' >/dev/null
mrb 'Maglev.persistent { Registry.class_variable_set(:@@items, [:other]) }; Maglev.commit' >/dev/null
expect "reading the class again keeps the process's own objects" "$(gem a 'Maglev.abort_transaction; [Registry.class_variable_get(:@@items), Registry.lock.equal?(L), Registry.lock.locked?, Registry.enc]')" \
  '[[:other], true, true, #<Encoding:ISO-8859-1>]'
gem a 'L.unlock' >/dev/null
gem_stop a
chk=$("$ROOT/bin/maglev" check test 2>&1)
expect "check: the repository is sound" "$(echo "$chk" | tail -1)" "stone 'test' is ok"
finish
