#!/usr/bin/env bash
# Library code loaded in persistent mode (-Mcommit, Maglev.persistent { require })
# often keeps VM-local things in constants: a Mutex (digest's REQUIRE_MUTEX),
# an Encoding (csv's ConverterEncoding), an UnboundMethod, a Queue. Such a
# constant is made again in each process, as by transient_const_set: the
# commit succeeds, a later process that loads no source has the constant
# (a fresh Mutex, the same Encoding, the method) and the library works;
# securerandom extends Random::Formatter, which every process has (a core
# module with a well-known OOP, as CRuby's is core); delegate copies Kernel
# (Kernel.dup), and the copy is made again in each process.
# In the root such objects still cannot be committed.
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/app.rb" <<'RUBY'
require "digest"
require "csv"
require "monitor"
require "securerandom"
require "fileutils"
require "delegate"
require "weakref"
require "ipaddr"
require "net/http"
require "matrix"
Maglev[:net] = IPAddr.new("192.168.1.0/24")
Maglev[:m] = Matrix[[1, 2], [3, 4]]
class Wrap < SimpleDelegator; def extra = :x; end
class Listing < DelegateClass(Array); def initialize(a) = super(a); end
class Vault
  LOCK = Thread::Mutex.new
  MON = Monitor.new
  ENC = Encoding::ISO_8859_1
  SIZE = ::Array.instance_method(:size)
  JOBS = Thread::Queue.new
  def self.seal(s) = LOCK.synchronize { Digest::SHA256.hexdigest(s) }
  def self.rows(text) = CSV.parse(text).map(&:size)
  def self.token = SecureRandom.hex(8)
end
Maglev[:vault] = Vault.seal("x")
RUBY
out=$(cd "$MAGLEV_DATA" && "$MRUBY" -Mcommit app.rb 2>&1; echo "exit $?")
expect "-Mcommit of code that requires digest and csv and keeps a Mutex, an Encoding... in constants" "$out" "exit 0"
expect "a later process has each constant, made afresh" "$(mrb '
p Vault::LOCK.class, Vault::LOCK.locked?, Vault::MON.class, Vault::ENC.equal?(Encoding::ISO_8859_1), Vault::SIZE.bind_call([1, 2]), Vault::JOBS.empty?')" \
  'Thread::Mutex
false
Monitor
true
2
true'
expect "the libraries work without their source being read again" "$(mrb 'p Vault.seal("x") == Maglev[:vault], Vault.seal("abc")[0, 16], Vault.rows("a,b\nc,d,e\n"), Vault.token.size, $LOADED_FEATURES.grep(/digest|csv/).empty?')" \
  'true
"ba7816bf8f01cfea"
[2, 3]
16
false'
expect "a later process starts quietly (rbconfig's C part runs again over its committed constants)" "$("$MRUBY" -e 'p FileUtils.respond_to?(:mkdir_p), RbConfig::CONFIG.key?("ruby_version")' 2>&1)" $'true\ntrue'
expect "delegate (a copy of Kernel, made again with Kernel's methods) and weakref work" "$(mrb 'w = Wrap.new([1, 2, 3]); p w.size, w.extra, w.map { _1 * 2 }, Listing.new([4]).first, (Wrap.new(1).nope rescue $!.class), (Listing.allocate.first rescue $!.class); x = +"v"; p WeakRef.new(x).upcase')" \
  '3
:x
[2, 4, 6]
4
NoMethodError
ArgumentError
"V"'
expect "socket, ipaddr and net/http (IO::EINPROGRESSWaitWritable is core, as in CRuby)" "$(mrb 'p Maglev[:net].include?(IPAddr.new("192.168.1.7")), Net::HTTP::Get.superclass, IO::EINPROGRESSWaitWritable.ancestors.take(3)
s = TCPServer.new("127.0.0.1", 0); c = TCPSocket.new("127.0.0.1", s.addr[1]); a = s.accept; c.write("hi"); p a.read(2)')" \
  'true
Net::HTTPRequest
[IO::EINPROGRESSWaitWritable, IO::WaitWritable, Errno::EINPROGRESS]
"hi"'
expect "a gem's library (matrix: RubyGems activates it, in transient mode) and its objects" "$(mrb 'p Maglev[:m].determinant, (Maglev[:m] * Vector[1, 1]).to_a, Matrix.identity(2).to_a')" \
  '-2
[3, 7]
[[1, 0], [0, 1]]'
expect "maglev-irb too runs the C parts (digest.so) at start-up" "$(printf 'Vault.seal("abc")[0, 8]\n' | "$ROOT/bin/maglev-irb" 2>&1 | grep -F '=>')" '=> "ba7816bf"'
expect "a Mutex in the root cannot be committed" "$(mrb 'Maglev[:m] = Thread::Mutex.new; begin; Maglev.commit; rescue TransactionError => e; p e.object.class; end')" 'Thread::Mutex'
expect "a constant set again in persistent mode to an ordinary value persists as one" "$(mrb 'Maglev.persistent { Vault.send(:remove_const, :ENC); Vault.const_set(:ENC, "latin1") }; Maglev.commit; p :ok' >/dev/null; mrb 'p Vault::ENC, Vault::LOCK.class')" \
  '"latin1"
Thread::Mutex'
finish
