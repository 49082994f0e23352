# persist_fuzz.rb -- a seeded random object-graph generator and a canonical,
# identity-aware dump, for the differential persistence test
# (test/persist/fuzz_graph.sh). Under bin/maglev-ruby:
#   build SEED     a random graph from SEED as Maglev[:fz], committed; its dump
#   dump           the dump of Maglev[:fz]
#   ids            whether the objects' object_ids are those build saw before
#                  its commit (identity is permanent)
#   mutate SEED [ROUND]  random changes to the committed graph, committed;
#                  the changes made (and the errors they raised), then the dump
#   buildmut SEED  build SEED, then mutate SEED 1 in the same process
#   setall         every FzCell's setter called (captured variables changed,
#                  not committed), then the dump
#   held SEED      a random walk from the root holds some objects; the dump of
#                  the root and them
#   abort SEED     the same walk, random changes to what it holds, then
#                  Maglev.abort_transaction; the dump of the root and the held
#                  objects (abort resets them in place: `held SEED`'s dump)
#   nested SEED    changes, then more in a nested transaction that is
#                  aborted (which must restore the committed objects as they
#                  were at its start), then a commit; the dump (PFUZZ_NESTED=FILE:
#                  both dumps and the changes into FILE when they differ)
#   deepnest SEED  random changes through nested levels up to 8 deep, each
#                  ended by a commit or an abort (which must restore the
#                  objects as they were at the level's start), then a commit
#   transient SEED a new subgraph holding an instance of a transient class is
#                  attached; the commit must raise TransactionError naming it
#                  and write nothing; then abort and dump
# Under CRuby (the oracle, no repository): `ruby persist_fuzz.rb chain SEED N`
# prints what build SEED and then mutate SEED 1 .. mutate SEED N print, each
# after a line "==".
require "set"

FZ_CRUBY = !defined?(Maglev)
if FZ_CRUBY
  module Maglev
    ROOT = {}
    def self.[](k) = ROOT[k]
    def self.[]=(k, v)
      ROOT[k] = v
    end
    def self.persistent = yield
    def self.commit_transaction = true
  end
  class TransactionError < StandardError; end
end

unless defined?(FzNode)
  Maglev.persistent do
    class FzNode
      attr_accessor :a, :b
      def initialize(a = nil, b = nil)
        @a = a
        @b = b
      end
      def maker = proc { |x| [@a.class, x] }
    end
    class FzLeaf < FzNode; end
    # Holds a setter Proc: the dump shows it but never calls it.
    class FzCell
      def initialize(set)
        @set = set
      end
    end
    class FzErr < StandardError
      attr_accessor :code
    end
    FzPoint = Struct.new(:x, :y)
    FzKw = Struct.new(:k, :v, keyword_init: true)
  end
  Maglev.commit_transaction
end
# First defined in transient mode: its instances may not be committed.
class FzTransient
  def initialize(v)
    @v = v
  end
end

# Procs are made by top-level methods called on main, so that their self is
# main and their Env holds only the parameters.
FZ_MAIN = self
def fz_adder(base) = proc { |y| base + y }
def fz_lambda(k) = ->(a, b = 2) { [a, b, k] }
def fz_pair(v) = [-> { v }, FzCell.new(->(n) { v = n })]
def fz_dproc_hash = Hash.new { |_h, k| [k, :dflt] }
# an Env chain: the lambda's block scope inside the method's
def fz_nested(v) = [3].map { |a| w = a * 2; ->(x = w) { [v, w, x] } }.first

# The canonical dump: heap objects are numbered in first-visit order (#3=...
# the first time, #3 after), so sharing and cycles show.
class FzDump
  attr_reader :graph

  # opaque_new: an object not committed when the transaction began shows as
  # "new Class" only (an aborted nested level restores committed objects;
  # the others are transient and keep their changes, as at an outermost abort)
  def initialize(opaque_new: false)
    @opaque_new = opaque_new
    @ids = {}.compare_by_identity
    @graph = []   # the objects of the graph, in visit order (no call results)
    @in_call = 0
  end

  def self.of(x) = new.v(x)

  def v(x, call: true)
    case x
    when nil, true, false, Integer then x.inspect
    when Float then "#{x}/#{[x].pack('G').unpack1('H*')}"
    when Symbol then "#{x.inspect}/#{x.encoding}"
    else
      n = @ids[x]
      return "##{n}" if n
      @ids[x] = n = @ids.size + 1
      @graph << x if @in_call == 0
      return "##{n}=new #{x.class}" if @opaque_new && !x.committed?
      "##{n}=#{obj(x, call)}"
    end
  end

  def str(s) = "#{s.encoding}:#{s.unpack1('H*')}"

  def obj(x, call)
    head = "#{x.class.name || 'anon'}#{'!' if x.frozen?}"
    return "#{head} #{x.inspect}" if x.is_a?(Module)
    body =
      case x
      when String then str(x)
      when Array then "[#{x.map { v(_1) }.join(', ')}]"
      when Hash then hash(x)
      when Set then "{#{x.map { v(_1) }.join(', ')}} has=#{x.all? { x.include?(_1) }}"
      when Range then "#{v(x.begin)}#{x.exclude_end? ? '...' : '..'}#{v(x.end)}"
      when Struct then x.members.map { "#{_1}: #{v(x[_1])}" }.join(", ")
      when Rational then "#{v(x.numerator)}/#{v(x.denominator)}"
      when Complex then "#{v(x.real)} #{v(x.imaginary)}i"
      when Time then "#{x.to_i}.#{x.nsec} off=#{x.utc_offset} utc=#{x.utc?} zone=#{x.zone.inspect}"
      when Exception
        "msg=#{str(x.message)} bt=#{x.backtrace ? 'set' : 'nil'} cause=#{v(x.cause)}"
      when Proc then prc(x, call)
      else ""
      end
    "#{head} #{body}#{ivars(x)}#{singletons(x)}"
  end

  def hash(h)
    s = "{#{h.map { |k, val| "#{v(k)} => #{v(val)}" }.join(', ')}}"
    s << " default=#{v(h.default)}" unless h.default_proc
    s << " dproc=#{v(h.default_proc)}" if h.default_proc
    s << " ident" if h.compare_by_identity?
    s << " lookup=#{h.keys.all? { h.key?(_1) }}"
  end

  def prc(pr, call)
    s = "arity=#{pr.arity} lambda=#{pr.lambda?}"
    return s unless call
    n = pr.arity < 0 ? -pr.arity - 1 : pr.arity
    "#{s} call=#{result { pr.call(*(1..n).to_a) }}"
  end

  # The dump of what the block answers (or raises), outside the graph.
  def result
    @in_call += 1
    begin
      v(yield)
    rescue StandardError => e
      "raised #{e.class}"
    end
  ensure
    @in_call -= 1
  end

  def ivars(x)
    return "" if x.is_a?(Set)
    x.instance_variables.sort.map { |iv|
      " #{iv}=#{v(x.instance_variable_get(iv), call: !x.is_a?(FzCell))}"
    }.join
  end

  def singletons(x)
    x.singleton_methods.sort.map { |m| " def #{m}=#{result { x.send(m) }}" }.join
  end
end

# Random values: rand(n) is the only source (same sequence under CRuby).
class FzGen
  INTS = [0, 1, -1, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63, -2**64, 2**100 + 7, -(3**80)]
  FLOATS = [0.0, -0.0, 1.5, -2.25, Float::INFINITY, -Float::INFINITY, Float::NAN,
            [0xfff8000000000001].pack("Q>").unpack1("G"), 5e-324, 2.2250738585072014e-308,
            1e300, 1.0 / 3, 123456.789e-10]
  KEY_FLOATS = [0.0, -0.0, 1.5, -2.25, 1e300, 5e-324]
  SYMS = [:a, :sym, :"with space", :"ünï", :日本, :"", :foo=, :[], :"\u00e9t\u00e9"]
  STRS = ["", "plain", "héllo wörld", "日本語", "\xff\xfeab".b, "\xffbad".dup.force_encoding("UTF-8"),
          "ascii".encode("US-ASCII"), "caf\xe9".dup.force_encoding("ISO-8859-1"), "long " * 700]
  ENCS = [Encoding::UTF_8, Encoding::BINARY, Encoding::US_ASCII, Encoding::ISO_8859_1,
          Encoding::UTF_16LE, Encoding::Shift_JIS, Encoding::EUC_JP]
  IVARS = %i[@a @b @c @zz]

  def initialize(seed)
    @r = Random.new(seed)
    @pool = []      # objects made so far: later values share them
    @id_pool = []   # identity-hashed ones, usable as keys
  end

  def rand(n) = @r.rand(n)
  def pick(a) = a[rand(a.size)]
  def chance(n) = rand(n) == 0
  def keep(x) = (@pool << x; x)

  def graph
    Array.new(8 + rand(14)) { value(0) }
  end

  def value(depth)
    return pick(@pool) if depth > 0 && !@pool.empty? && chance(6)
    kind = depth >= 4 ? rand(9) : rand(22)
    case kind
    when 0 then pick([nil, true, false])
    when 1 then chance(2) ? pick(INTS) : rand(1000) - 500
    when 2 then pick(FLOATS)
    when 3 then chance(3) ? "dyn#{rand(1000)}".to_sym : pick(SYMS)
    when 4, 5 then keep(string)
    when 6 then keep(pick([Rational(rand(9) - 4, 1 + rand(7)), Rational(-2**70, 3), Complex(1, 2),
                           Complex(1.5, Rational(1, 3)), Complex(-2**65, 0.5)]))
    when 7 then keep(time)
    when 8 then range
    when 9, 10 then array(depth)
    when 11, 12 then hash(depth)
    when 13 then keep(Set.new(Array.new(rand(5)) { key(2) }))
    when 14 then struct(depth)
    when 15, 16 then node(depth)
    when 17 then exception(depth)
    when 18, 19 then procish(depth)
    when 20 then big_array
    when 21 then singleton(depth)
    end
  end

  def string
    s = chance(3) ? Array.new(rand(12)) { rand(256) }.pack("C*").force_encoding(pick(ENCS)) : pick(STRS).dup
    s.instance_variable_set(:@tag, rand(10)) if chance(8)
    chance(4) ? s.freeze : s
  end

  def time
    sec = 946_684_800 + rand(1_000_000_000)
    nsec = pick([0, rand(1_000_000_000), 999_999_999])
    case rand(4)
    when 0 then Time.at(sec, nsec, :nsec).utc
    when 1 then Time.at(sec, nsec, :nsec)
    when 2 then Time.at(sec, nsec, :nsec, in: pick(["+05:30", "-08:00", "+00:00"]))
    else Time.utc(1900 + rand(300), 1 + rand(12), 1 + rand(28), rand(24), rand(60), rand(60))
    end
  end

  def range
    b = rand(100) - 50
    case rand(6)
    when 0 then b..(b + rand(9))
    when 1 then b...(b + rand(9))
    when 2 then (b..)
    when 3 then (..b)
    when 4 then keep(chance(2) ? "a"...pick(["k", "zz"]) : (b * 0.5)..pick([1e300, Float::INFINITY, b + 0.25]))
    else keep(Range.new(time, time, chance(2)))
    end
  end

  def array(depth)
    a = keep([])
    (rand(6)).times { a << value(depth + 1) }
    a << a if chance(8)
    a.freeze if chance(8)
    a
  end

  def big_array
    if chance(3)
      h = keep({})
      # (a frozen key: CRuby shares one copy of an unfrozen one among Hashes)
      (200 + rand(1200)).times { |i| h[i % 5 == 0 ? "k#{i}".freeze : i] = i % 7 == 0 && !@pool.empty? ? pick(@pool) : i }
      return h
    end
    a = keep([])
    (1024 + rand(200)).times { |i| a << (i % 7 == 0 && !@pool.empty? ? pick(@pool) : i % 3 == 0 ? "e#{i}" : i) }
    a
  end

  def hash(depth)
    h = keep(case rand(4)
             when 0 then Hash.new(value(depth + 1))
             when 1 then FZ_MAIN.send(:fz_dproc_hash)
             else {}
             end)
    h.compare_by_identity if chance(5)
    # an identity Hash takes mutable keys as they are (a String is not copied)
    (rand(6)).times { h[h.compare_by_identity? && chance(2) ? value(depth + 1) : key(0)] = value(depth + 1) }
    h.delete(h.keys[rand(h.size)]) if !h.empty? && chance(3)
    h[key(0)] = value(depth + 1) if chance(3)
    h.freeze if chance(10)
    h
  end

  # A key: a value whose hash cannot change (deep-frozen, or identity-hashed).
  def key(depth)
    case rand(depth >= 2 ? 10 : 13)
    when 0 then pick([nil, true, false])
    when 1 then chance(2) ? pick(INTS) : rand(50)
    when 2 then pick(KEY_FLOATS)
    when 3 then pick(SYMS)
    when 4, 5 then string.freeze
    when 6 then time.freeze
    when 7 then pick([FzNode, String, Integer, Hash, Comparable, FzPoint])
    when 8 then @id_pool.empty? || chance(3) ? (@id_pool << keep(FzNode.new(rand(9)))).last : pick(@id_pool)
    when 9 then pick([Rational(1, 3), Complex(0, 1), 2**70, Range.new(1, 4)])
    when 10 then Array.new(rand(4)) { key(depth + 1) }.freeze
    when 11 then FzPoint.new(key(depth + 1), key(depth + 1)).freeze
    # (not a frozen container: one may hold itself, and CRuby's hash of a
    # recursive key is not stable; nor a Range, whose Strings may change)
    else pick(@pool.select { _1.frozen? && !(Array === _1 || Hash === _1 || Struct === _1 || Range === _1) } + [:none])
    end
  end

  def struct(depth)
    s = keep(chance(2) ? FzPoint.new : FzKw.new)
    s.members.each { s[_1] = value(depth + 1) }
    s.freeze if chance(8)
    s
  end

  def node(depth)
    n = keep(chance(3) ? FzLeaf.new : FzNode.new)
    @id_pool << n
    n.a = value(depth + 1)
    n.b = value(depth + 1) if chance(2)
    n.instance_variable_set(pick(IVARS), value(depth + 1)) if chance(3)
    rand(20).times { |i| n.instance_variable_set(:"@v#{i}", value(3)) } if chance(8)
    n.freeze if chance(10)
    n
  end

  def exception(depth)
    e = case rand(4)
        when 0 then FzErr.new(pick(STRS[0, 4])).tap { _1.code = value(depth + 1) }
        when 1 then RuntimeError.new("boom #{rand(9)}")
        when 2 then (begin; raise ArgumentError, "bad"; rescue => x; x; end)
        else
          begin
            begin; raise KeyError, "inner"; rescue; raise FzErr, "outer"; end
          rescue => x
            x
          end
        end
    keep(e)
  end

  def procish(depth)
    case rand(6)
    when 5 then keep(FZ_MAIN.send(:fz_nested, value(depth + 1)))
    when 0 then keep(FZ_MAIN.send(:fz_adder, rand(100)))
    when 1 then keep(FZ_MAIN.send(:fz_lambda, value(depth + 1)))
    when 2 then keep(FZ_MAIN.send(:fz_pair, value(depth + 1)))
    when 3 then keep(FzNode.new(value(depth + 1)).maker)
    # CRuby answers one cached Proc for every :succ.to_proc, maglev a new one
    # each time, which the dump would tell apart: one per graph, made by build
    else @sym_proc ||= keep(@mutating ? FZ_MAIN.send(:fz_adder, 1) : :succ.to_proc)
    end
  end

  def singleton(depth)
    if chance(2)
      o = keep(FzNode.new(value(depth + 1)))
      Maglev.persistent do
        def o.fz_single
          [:single, @a.class]
        end
      end
    else
      o = keep(pick(STRS).dup)
      Maglev.persistent do
        def o.fz_single
          [:size, bytesize]
        end
      end
    end
    chance(4) ? o.freeze : o
  end

  # Children of an object, in dump order (for the random walks).
  def self.children(x)
    kids = case x
           when Array then x.to_a
           when Hash then x.to_a.flatten(1)
           when Set then x.to_a
           when Struct then x.to_a
           when Range then [x.begin, x.end]
           else []
           end
    kids += x.instance_variables.map { x.instance_variable_get(_1) } unless x.is_a?(Set) || x.is_a?(Module)
    kids.reject { |k| k.nil? || k == true || k == false || k.is_a?(Integer) || k.is_a?(Float) || k.is_a?(Symbol) }
  end

  # Random changes to the objects of the graph; returns their log.
  def mutate(root, targets, count)
    @mutating = true
    # the changes move the graph's own objects around too; not a setter Proc
    # out of its FzCell, where the dump would call it (and change what it dumps)
    setters = targets.grep(FzCell).map { _1.instance_variable_get(:@set) }
    @pool.concat(targets.reject { |t| setters.any? { _1.equal?(t) } })
    @id_pool.concat(targets.grep(FzNode))
    log = []
    count.times do |i|
      x = targets.empty? || chance(5) ? root : pick(targets)
      op = begin
        mutate_one(x)
      rescue StandardError => e
        "raised #{e.class}"
      end
      log << "m#{i} #{x.class}: #{op}"
    end
    log
  end

  def mutate_one(x)
    # (freezing a committed class is VM-local, as a transient-mode reopen is:
    # the repository and abort leave it alone)
    return "none" if x.is_a?(Module)
    # a FrozenError's message inspects its object: for a container that is
    # the graph, exponential in its sharing (under CRuby too)
    return "frozen" if x.frozen? && !x.is_a?(String)
    return (x.freeze; "freeze") if chance(12)
    case x
    when FzCell then x.instance_variable_get(:@set).call(value(2)); "set captured"
    when Array then mutate_array(x)
    when Hash then mutate_hash(x)
    when String then mutate_string(x)
    when Set
      chance(2) || x.empty? ? x.add(key(0)) : x.delete(x.to_a[rand(x.size)])
      "set"
    when Struct then x[x.members[rand(x.members.size)]] = value(1); "member"
    when Range, Rational, Complex then "none"
    else
      if chance(4) && !x.instance_variables.empty?
        x.remove_instance_variable(pick(x.instance_variables.sort)); "remove ivar"
      else
        x.instance_variable_set(pick(IVARS), value(1)); "ivar"
      end
    end
  end

  def mutate_array(a)
    case rand(6)
    when 0 then a << value(1); "push"
    when 1 then a.empty? ? "empty" : (a[rand(a.size)] = value(1); "replace")
    when 2 then a.delete_at(rand(a.size + 1)); "delete_at"
    when 3 then a.insert(rand(a.size + 1), value(2), value(2)); "insert"
    when 4 then a.pop; "pop"
    else a.concat([value(2)] * rand(3)); "concat"
    end
  end

  def mutate_hash(h)
    case rand(6)
    when 0, 1 then h[key(0)] = value(1); "store"
    when 2 then h.empty? ? "empty" : (h.delete(h.keys[rand(h.size)]); "delete")
    when 3 then h.default = value(1); "default"
    when 4 then h.compare_by_identity; "compare_by_identity"
    else h.empty? ? "empty" : (h[h.keys[rand(h.size)]] = value(2); "replace value")
    end
  end

  def mutate_string(s)
    case rand(5)
    # (not an empty String: CRuby appends an empty one of a non-ASCII-
    # compatible encoding to a frozen String without a FrozenError)
    when 0 then s << string.then { _1.empty? ? "+" : _1 }; "append"
    when 1 then s.force_encoding(pick(ENCS)); "force_encoding"
    when 2 then s.empty? ? "empty" : (s.setbyte(rand(s.bytesize), rand(256)); "setbyte")
    when 3 then s.replace(string); "replace"
    else s.insert(rand(s.size + 1), "ins"); "insert"
    end
  end

  # A random walk from the root: the objects it passes, in order.
  def walk(root, steps)
    held = []
    x = root
    steps.times do
      kids = FzGen.children(x)
      if kids.empty? || chance(5)
        x = root
      else
        x = pick(kids)
        held << x
      end
    end
    held
  end
end

def fz_dump_root = FzDump.of(Maglev[:fz])

def fz_targets
  d = FzDump.new
  d.v(Maglev[:fz])
  d.graph
end

def fz_mutate(seed, round)
  g = FzGen.new(seed + 1_000_003 * round)
  g.mutate(Maglev[:fz], fz_targets, 1 + g.rand(10))
end

def fz_held(seed)
  g = FzGen.new(seed + 2_000_003)
  [g, g.walk(Maglev[:fz], 5 + g.rand(30))]
end

mode, seed, round = ARGV[0], Integer(ARGV[1] || 0), Integer(ARGV[2] || 1)
case mode
when "build", "chain", "buildmut"
  Maglev[:fz] = FzGen.new(seed).graph
  Maglev[:fz_ids] = fz_targets.map(&:object_id) unless FZ_CRUBY
  Maglev.commit_transaction
  puts fz_dump_root unless mode == "buildmut"
  # chain: each round's changes and dump after a line "==" (what mutate
  # SEED ROUND prints); buildmut: round 1 in the process that built the graph
  (1..(mode == "build" ? 0 : round)).each do |r|
    puts "==" if mode == "chain"
    log = fz_mutate(seed, r)
    Maglev.commit_transaction
    puts log, fz_dump_root
  end
when "dump"
  puts fz_dump_root
when "ids"
  p fz_targets.map(&:object_id) == Maglev[:fz_ids]
when "mutate"
  log = fz_mutate(seed, round)
  Maglev.commit_transaction
  puts log, fz_dump_root
when "setall"
  # every captured variable a FzCell can set changes (no commit), then the dump
  fz_targets.grep(FzCell).each_with_index { |c, i| c.instance_variable_get(:@set).call("set #{i}") }
  puts fz_dump_root
when "held"
  puts FzDump.of([Maglev[:fz], *fz_held(seed)[1]])
when "abort"
  g, held = fz_held(seed)
  g.mutate(Maglev[:fz], held, 1 + g.rand(10))
  GC.start if g.chance(2)   # the changed objects are GC roots until the abort
  Maglev.abort_transaction
  puts FzDump.of([Maglev[:fz], *held])
when "nested"
  # changes, then a nested transaction with more changes that is aborted: the
  # objects are as they were at its start; the outer level then commits
  g = FzGen.new(seed + 4_000_003)
  log = g.mutate(Maglev[:fz], fz_targets, 1 + g.rand(10))
  before = FzDump.new(opaque_new: true).v(Maglev[:fz])
  Maglev.begin_nested_transaction
  h = FzGen.new(seed + 5_000_003)
  log += h.mutate(Maglev[:fz], fz_targets, 1 + h.rand(10))
  GC.start if h.chance(2)
  Maglev.abort_transaction
  after = FzDump.new(opaque_new: true).v(Maglev[:fz])
  puts "nested abort restores: #{after == before} level #{Maglev.transaction_level}"
  File.write(ENV["PFUZZ_NESTED"], "#{before}\n#{after}\n#{log.join("\n")}\n") if ENV["PFUZZ_NESTED"] && after != before
  Maglev.commit_transaction
  puts fz_dump_root
when "deepnest"
  # a random walk through nested levels (up to 8 deep): changes at every
  # level, each level ended by a commit (its changes fold into the enclosing
  # level) or an abort (the objects are as they were at the level's start);
  # then the outermost commit. One line per level ended (ok, or both dumps
  # under PFUZZ_NESTED=FILE), then the dump
  g = FzGen.new(seed + 6_000_003)
  starts = []
  bad = 0
  40.times do
    if starts.size < 7 && (starts.empty? || g.chance(2))
      starts << FzDump.new(opaque_new: true).v(Maglev[:fz])
      Maglev.begin_nested_transaction
    else
      level = Maglev.transaction_level
      start = starts.pop
      if g.chance(2)
        Maglev.commit_transaction
      else
        Maglev.abort_transaction
        now = FzDump.new(opaque_new: true).v(Maglev[:fz])
        if now != start
          bad += 1
          puts "abort at level #{level} does not restore its start"
          File.write(ENV["PFUZZ_NESTED"], "#{start}\n#{now}\n") if ENV["PFUZZ_NESTED"] && bad == 1
        end
      end
    end
    g.mutate(Maglev[:fz], fz_targets, 1 + g.rand(4))
    GC.start if g.chance(5)
  end
  Maglev.commit_transaction until Maglev.transaction_level == 1
  puts "deep nesting: #{bad} bad aborts, level #{Maglev.transaction_level}"
  Maglev.commit_transaction
  puts fz_dump_root
when "transient"
  g = FzGen.new(seed + 3_000_003)
  t = [FzTransient.new(g.value(2)), FzTransient, method(:puts).to_proc, method(:p), Thread::Mutex.new,
       Thread.current][g.rand(6)]
  sub = g.value(1)
  sub = [sub] unless sub.is_a?(Array) && !sub.frozen?
  sub.insert(g.rand(sub.size + 1), t)
  # attached to a committed object the walk reaches, else under a new root key
  at = g.walk(Maglev[:fz], 20).select { (Array === _1 || FzNode === _1) && !_1.frozen? }
  case (x = at[g.rand(at.size + 1)])
  when Array then x.insert(g.rand(x.size + 1), sub)
  when FzNode then x.b = sub
  else Maglev[:fz_t] = sub
  end
  begin
    Maglev.commit_transaction
    puts "committed: no TransactionError"
  rescue TransactionError => e
    puts "TransactionError object=#{e.object.equal?(t)}"
  end
  Maglev.abort_transaction
  puts fz_dump_root
else
  abort "usage: persist_fuzz.rb build|buildmut|dump|ids|mutate|held|abort|nested|deepnest|transient SEED [ROUND] (CRuby: chain SEED N)"
end
