# maglev/identityset.rb -- IdentitySet, MagLev's unordered identity
# collection, with indexes and queries that live in the repository
# (MAGLEV-API.md section 8; design and costs: docs/indexes.md).
#
#   people = IdentitySet.new
#   people << alice << bob                    # identity, never nil (add(nil) is ignored)
#   people.create_equality_index('age', Integer)
#   people.create_identity_index('address.city')
#   people.search([:age], :lt, 30)            # an IdentitySet, through the index
#   people.search_between('age', 20, 29)      # both ends included
#   people.search_range(:age, 20...30)
#
# A base-image library class (LIB_CLASS in src/object/coreclasses.def): no
# require is needed (lib/prelude/identityset.rb autoloads this file) and its
# instances persist like core objects.
#
# Structure. Everything lives in Arrays, one record each: the members are a
# B+-tree keyed by object id, and each index is a B+-tree keyed by (value at
# the path, member's object id) whose leaves hold the members. A tree is
# [root, count, kind]; a node is [level, next_leaf, k0, o0, v0, k1, o1, v1, ...]
# (level 0 = leaf; in an inner node v is a child and (k, o) the least entry
# it held when it was made). The set's state, @__rc_state, is [members tree,
# indexes]; an index is [path String, path Array of ivar Symbols, :equality
# or :identity, klass, tree, hidden slot Symbol]. So a lookup reads O(log n) nodes, a range query
# O(log n + k) nodes, and neither faults a member it does not answer.
#
# Index maintenance. A member in an index carries hidden slots (never
# Ruby-visible): __ixs, the indexed set(s) it is in, and "__ix:<path>", the
# value at that path when it was last indexed; the objects along a longer
# path carry __ixd, the members that depend on them. At every commit the hook
# in src/core/identityset.c hands the dirty objects with such slots to
# IdentitySet.__precommit, which moves each member whose value changed.
#
# Concurrency. Every operation on a committed set is logged for replay
# (lib/prelude/rc.rb, store/txn.c R1-R5): the anchor and each committed node
# it changes are the set's states, and a conflict on any of them replays all
# the set's operations on the fresh tree. So adds from many processes never
# conflict; a delete replays while its element is still there; anything else
# that collides (two processes changing the same member) is an ordinary
# write-write conflict on that member.
class IdentitySet
  include Enumerable

  FAN = 128        # entries per node before it splits
  FILL = 96        # entries per node when a tree is built in bulk
  MIN_OID = -1     # below every object id
  MAX_OID = 1 << 62
  OPS = %i[equal not_equal eql not_eql lt lte gt gte].freeze
  private_constant :FAN, :FILL, :MIN_OID, :MAX_OID

  def self.with_all(*elements)
    elements = elements[0] if elements.size == 1 && elements[0].is_a?(Array)
    new(elements)
  end

  def self.[](*elements) = new(elements)

  def initialize(elements = nil)
    @__rc_state = [IdentitySet.__tree_new(:oid), []]
    elements&.each { |e| add(e) }
  end

  def initialize_copy(other)
    @__rc_state = [IdentitySet.__tree_new(:oid), []]
    other.each { |e| add(e) }
  end

  # ---- members ----

  def add(obj)
    return self if obj.nil?
    oid = obj.__id__
    members = @__rc_state[0]
    return self unless __t_insert(members, oid, oid, obj)
    Maglev.__rc_log(self, @__rc_state, :add, obj)
    @__rc_state[1].each { |ix| __ix_add(ix, obj, oid) }
    self
  end
  alias_method :<<, :add

  def add?(obj)
    return nil if obj.nil? || include?(obj)
    add(obj)
  end

  def merge(*enums)
    enums.each { |en| en.each { |e| add(e) } }
    self
  end

  # Removes obj; answers self (delete?: obj, or nil when it was not there).
  def delete(obj)
    delete?(obj)
    self
  end

  def delete?(obj)
    return nil if obj.nil?
    oid = obj.__id__
    return nil unless __t_delete(@__rc_state[0], oid, oid)
    Maglev.__rc_log(self, @__rc_state, :delete, obj)
    @__rc_state[1].each { |ix| __ix_remove(ix, obj, oid) }
    __unlink(obj) unless @__rc_state[1].empty?
    obj
  end
  alias_method :remove, :delete?

  def subtract(enum)
    enum.each { |e| delete(e) }
    self
  end

  def delete_if
    return enum_for(:delete_if) { size } unless block_given?
    to_a.each { |e| delete(e) if yield(e) }
    self
  end

  def clear
    to_a.each { |e| delete(e) }
    self
  end

  def include?(obj)
    return false if obj.nil?
    oid = obj.__id__
    !__t_find(@__rc_state[0], oid, oid).nil?
  end
  alias_method :member?, :include?
  alias_method :===, :include?

  def size = @__rc_state[0][1]
  alias_method :length, :size
  def empty? = size == 0

  def count(*args, &block)
    return size if args.empty? && !block
    super
  end

  def each(&block)
    return enum_for(:each) { size } unless block
    __t_each(@__rc_state[0]) { |_k, _o, v| yield v }
    self
  end

  def to_a
    out = []
    __t_each(@__rc_state[0]) { |_k, _o, v| out << v }
    out
  end

  def to_set = Set.new(to_a)

  def inspect
    return "#<IdentitySet: {...}>" if Thread.current[:__iset_inspect]&.include?(__id__)
    (Thread.current[:__iset_inspect] ||= []) << __id__
    begin
      "#<IdentitySet: {#{to_a.map(&:inspect).join(', ')}}>"
    ensure
      Thread.current[:__iset_inspect].pop
    end
  end
  alias_method :to_s, :inspect

  # ---- set algebra: by object id, without touching the members ----

  def |(enum) = IdentitySet.__from_pairs(__pairs_union(__pairs, IdentitySet.__pairs_of(enum)))
  alias_method :union, :|
  alias_method :+, :|

  def &(enum)
    theirs = IdentitySet.__pairs_of(enum)
    IdentitySet.__from_pairs(__pairs_merge(__pairs, theirs) { |a, b| a && b })
  end
  alias_method :intersection, :&

  def -(enum)
    theirs = IdentitySet.__pairs_of(enum)
    IdentitySet.__from_pairs(__pairs_merge(__pairs, theirs) { |a, b| a && !b })
  end
  alias_method :difference, :-

  def ^(enum)
    theirs = IdentitySet.__pairs_of(enum)
    IdentitySet.__from_pairs(__pairs_merge(__pairs, theirs) { |a, b| a != b })
  end

  def ==(other)
    return true if equal?(other)
    return false unless other.is_a?(IdentitySet) && other.size == size
    __pairs_merge(__pairs, other.__pairs) { |a, b| a != b }.empty?
  end

  def superset?(other) = other.all? { |e| include?(e) }
  alias_method :>=, :superset?
  def subset?(other) = all? { |e| other.include?(e) }
  alias_method :<=, :subset?
  def proper_superset?(other) = size > other.size && superset?(other)
  def proper_subset?(other) = size < other.size && subset?(other)

  # ---- indexes ----

  # An index of the members by the value at path (ordered by klass's <=>);
  # members whose value is neither nil nor a klass raise ArgumentError.
  def create_equality_index(path, klass = Object)
    raise TypeError, "#{klass.inspect} is not a class" unless klass.is_a?(Module)
    __create_index(:equality, path, klass)
  end
  alias_method :create_index, :create_equality_index

  # An index by the identity (object id) of the value at path.
  def create_identity_index(path) = __create_index(:identity, path, nil)

  def remove_index(path)
    key = IdentitySet.__path_key(IdentitySet.__path(path))
    ixs = @__rc_state[1]
    i = ixs.index { |ix| ix[0] == key }
    return false unless i
    ixs.delete_at(i)
    __touch(ixs)
    Maglev.__rc_log(self, @__rc_state, :remove_index, key)
    true
  end
  alias_method :remove_identity_index, :remove_index
  alias_method :remove_equality_index, :remove_index

  def remove_all_indexes
    @__rc_state[1].map { |ix| ix[0] }.each { |key| remove_index(key) }
    self
  end

  # [[path String, :equality or :identity, klass or nil], ...]
  def indexes = @__rc_state[1].map { |ix| [ix[0], ix[2], ix[3]] }

  def index?(path)
    key = IdentitySet.__path_key(IdentitySet.__path(path))
    @__rc_state[1].any? { |ix| ix[0] == key }
  end

  # ---- queries ----

  # The members whose value at path compares with value by op (MagLev's
  # operators: :equal identical, :not_equal, :eql ==, :not_eql, :lt, :lte,
  # :gt, :gte; the ordering ones compare with <=> and never match nil or an
  # incomparable value). An IdentitySet; an index on path is used when one
  # answers the question, else every member is read.
  def search(path, op, value)
    op = op.to_sym
    raise ArgumentError, "unsupported query operator #{op.inspect} (one of #{OPS.map(&:inspect).join(', ')})" unless OPS.include?(op)
    path = IdentitySet.__path(path)
    ix = __index_for(path)
    pairs = ix && __ix_search(ix, op, value)
    return IdentitySet.__from_pairs(pairs) if pairs
    __scan(path) { |v| IdentitySet.__match(v, op, value) }
  end

  # Members whose value at path is >= lo and <= hi.
  def search_between(path, lo, hi)
    path = IdentitySet.__path(path)
    ix = __index_for(path)
    pairs = ix && __ix_between(ix, lo, true, hi, true)
    return IdentitySet.__from_pairs(pairs) if pairs
    __scan(path) { |v| IdentitySet.__in_range(v, lo, hi, true) }
  end

  def search_range(path, range)
    raise TypeError, "search_range takes a Range, not #{range.class}" unless range.is_a?(Range)
    path = IdentitySet.__path(path)
    lo, hi, excl = range.begin, range.end, range.exclude_end?
    ix = __index_for(path)
    pairs = ix && __ix_between(ix, lo, true, hi, !excl)
    return IdentitySet.__from_pairs(pairs) if pairs
    __scan(path) { |v| IdentitySet.__in_range(v, lo, hi, !excl) }
  end

  # The same answers with no index (for checking and for benchmarks).
  def search_by_scan(path, op, value)
    __scan(IdentitySet.__path(path)) { |v| IdentitySet.__match(v, op.to_sym, value) }
  end

  # Checks the trees (tests): entries in strict order, counts, every index
  # holding each member once under its current value. An Array of problems.
  def __verify
    bad = []
    trees = [[@__rc_state[0], "members"]] + @__rc_state[1].map { |ix| [ix[4], ix[0]] }
    trees.each do |tree, name|
      vk = tree[2] == :value
      prev = nil
      n = 0
      __t_each(tree) do |k, o, v|
        bad << "#{name}: out of order at #{k.inspect}" if prev && IdentitySet.__t_cmp(vk, prev[0], prev[1], k, o) >= 0
        bad << "#{name}: oid of #{v.inspect} is not #{o}" unless v.__id__ == o
        prev = [k, o]
        n += 1
      end
      bad << "#{name}: count #{tree[1]}, #{n} entries" unless n == tree[1]
      bad << "#{name}: #{n} entries, #{size} members" unless n == size
    end
    @__rc_state[1].each do |ix|
      __t_each(ix[4]) do |k, o, m|
        bad << "#{ix[0]}: #{m.inspect} is not a member" unless include?(m)
        want = __ix_key(ix, IdentitySet.__value_at(m, ix[1]))
        bad << "#{ix[0]}: #{m.inspect} is under #{k.inspect}, not #{want.inspect}" unless want == k
      end
    end
    bad
  end

  # ---- replay (store/txn.c R3-R5) ----

  def __rc_replay(op, args)
    case op
    when :__touch then nil
    when :add then add(args[0])
    when :delete
      unless include?(args[0])
        raise Maglev::CommitFailedException,
              "commit failed: another commit removed #{args[0].inspect} from the IdentitySet"
      end
      delete(args[0])
    when :move then __move(*args)
    when :create_index then __create_index(*args)
    when :remove_index then remove_index(args[0])
    end
  end

  # ---- class-level helpers ----

  # A path as an Array of ivar names (:@a): 'a.b', :a, [:a, :b], ['@a'].
  def self.__path(path)
    parts = case path
            when String then path.split(".")
            when Symbol then path.to_s.split(".")
            when Array then path.map(&:to_s)
            else raise TypeError, "an index path is a String or an Array of Symbols, not #{path.class}"
            end
    raise ArgumentError, "empty index path" if parts.empty? || parts.any?(&:empty?)
    parts.map { |p| (p.start_with?("@") ? p : "@#{p}").to_sym }.freeze
  end

  def self.__path_key(path) = path.map { |iv| iv.to_s.delete_prefix("@") }.join(".")

  def self.__value_at(obj, path)
    path.each do |iv|
      return nil if obj.nil?
      obj = obj.instance_variable_get(iv)
    end
    obj
  end

  # lo <= v <= hi (v < hi unless hi_incl); a nil end is open, but nil never matches
  def self.__in_range(v, lo, hi, hi_incl)
    return false if v.nil?
    (lo.nil? || __match(v, :gte, lo)) && (hi.nil? || __match(v, hi_incl ? :lte : :lt, hi))
  end

  # The full-scan predicate; index answers agree with it.
  def self.__match(v, op, value)
    case op
    when :equal then v.equal?(value)
    when :not_equal then !v.equal?(value)
    when :eql then v == value
    when :not_eql then !(v == value)
    else
      return false if v.nil? || value.nil?
      c = begin
        v <=> value
      rescue StandardError
        nil
      end
      return false if c.nil?
      case op
      when :lt then c < 0
      when :lte then c <= 0
      when :gt then c > 0
      when :gte then c >= 0
      end
    end
  end

  # [oid, member, oid, member, ...] in oid order -> a new IdentitySet.
  def self.__from_pairs(pairs)
    set = new
    set.__adopt_pairs(pairs)
    set
  end

  def self.__pairs_of(enum)
    return enum.__pairs if enum.is_a?(IdentitySet)
    flat = []
    enum.each { |e| flat << e.__id__ << e unless e.nil? }
    sorted = []
    (0...flat.size / 2).sort_by { |i| flat[2 * i] }.each do |i|
      next if !sorted.empty? && sorted[-2] == flat[2 * i]
      sorted << flat[2 * i] << flat[2 * i + 1]
    end
    sorted
  end

  def self.__tree_new(kind) = [[0, nil], 0, kind]

  # Commit hook (src/core/identityset.c): moves the members among dirty
  # (and the pending new members) whose indexed values changed.
  def self.__precommit(dirty)
    pend = __pending
    unless pend.empty?
      pend.reject!(&:committed?)
      pend.each { |m| __reindex(m) unless __unchanged?(m) }
    end
    todo = {}.compare_by_identity
    dirty.each do |x|
      todo[x] = true unless __hget(x, :__ixs).nil?
      deps = __hget(x, :__ixd)
      deps&.each { |m| todo[m] = true }
    end
    todo.each_key { |m| __reindex(m) }
  end

  # m is in one set and its one-step paths give the values last indexed
  def self.__unchanged?(m)
    s = __hget(m, :__ixs)
    return false unless s.is_a?(IdentitySet)
    s.__index_list.each do |ix|
      return false if ix[1].size > 1 || !__hget(m, ix[5], :__none).equal?(__value_at(m, ix[1]))
    end
    true
  end

  def self.__sets_of(m)
    s = __hget(m, :__ixs)
    s.nil? ? [] : (s.is_a?(IdentitySet) ? [s] : s)
  end

  def self.__reindex(m)
    sets = __sets_of(m)
    return if sets.empty?
    done = {}
    sets.each do |set|
      next unless set.include?(m)
      set.__index_list.each do |ix|
        slot = ix[5]
        old = __hget(m, slot, :__none)
        now = __value_at(m, ix[1])
        __depend(m, ix[1])      # the path may run through new objects even when the value is the same
        if old.equal?(:__none)
          __hset(m, slot, now)
          next
        end
        next if old.equal?(now) && !done[slot]
        set.__check_value(ix, now)
        done[slot] = [old, now] unless done.key?(slot)
        o, n = done[slot]
        set.__move(m, ix[0], o, n)
      end
    end
    done.each { |slot, (_o, n)| __hset(m, slot, n) }
  end

  # The objects along a path of two or more steps note that m depends on them.
  def self.__depend(m, path)
    return if path.size < 2
    obj = m
    path[0...-1].each do |iv|
      obj = obj.instance_variable_get(iv)
      break if obj.nil? || !obj.is_a?(Object)
      deps = __hget(obj, :__ixd)
      if deps.nil?
        __hset(obj, :__ixd, [m])
      elsif !deps.any? { |d| d.equal?(m) }
        deps << m
      end
    end
  end

  # ---- internals ----

  def __index_list = @__rc_state[1]

  def __pairs
    out = []
    __t_each(@__rc_state[0]) { |k, _o, v| out << k << v }
    out
  end

  def __adopt_pairs(pairs)
    tree = @__rc_state[0]
    if tree[1] == 0 && @__rc_state[1].empty?
      @__rc_state[0] = IdentitySet.__t_build(:oid, pairs.each_slice(2).map { |o, v| [o, o, v] })
    else
      pairs.each_slice(2) { |_o, v| add(v) }
    end
  end

  def __index_for(path)
    key = IdentitySet.__path_key(path)
    @__rc_state[1].find { |ix| ix[0] == key }
  end

  def __scan(path)
    out = IdentitySet.new
    pairs = []
    __t_each(@__rc_state[0]) do |o, _o, m|
      pairs << o << m if yield(IdentitySet.__value_at(m, path))
    end
    out.__adopt_pairs(pairs)
    out
  end

  def __check_value(ix, v)
    return if ix[2] != :equality || v.nil? || v.is_a?(ix[3])
    raise ArgumentError, "the equality index on '#{ix[0]}' takes #{ix[3]} values, not #{v.class} (#{v.inspect})"
  end

  def __ix_key(ix, v) = ix[2] == :identity ? v.__id__ : v

  def __create_index(kind, path, klass)
    path = IdentitySet.__path(path)
    key = IdentitySet.__path_key(path)
    ixs = @__rc_state[1]
    if (old = ixs.find { |ix| ix[0] == key })
      return self if old[2] == kind && old[3] == klass
      raise ArgumentError, "IdentitySet already has an index on '#{key}'"
    end
    ix = [key, path, kind, klass, nil, :"__ix:#{key}"]
    entries = []
    __t_each(@__rc_state[0]) do |oid, _o, m|
      IdentitySet.__reindex(m) if IdentitySet.__hget(m, :__ixs)   # its other indexes first
      v = IdentitySet.__value_at(m, path)
      __check_value(ix, v)
      entries << [__ix_key(ix, v), oid, m]
      __link(m, ix[5], v, path)
    end
    vk = kind == :equality
    begin
      raise ArgumentError if vk && entries.any? { |e| e[0].nil? }
      entries.sort!   # [k, oid, m]: Array#<=> orders by k then oid (oids are unique), in C
    rescue ArgumentError
      entries.sort! { |a, b| IdentitySet.__t_cmp(vk, a[0], a[1], b[0], b[1]) }   # nil keys; or says which values do not compare
    end
    ix[4] = IdentitySet.__t_build(vk ? :value : :oid, entries)
    ixs << ix
    __touch(ixs)
    # the index was built from the members in this view: an add committed
    # meanwhile must meet this commit (and replay) rather than miss the index
    members = @__rc_state[0]
    members[1] = members[1]
    __touch(members)
    Maglev.__rc_log(self, @__rc_state, :create_index, kind, path, klass)
    self
  end

  def __ix_add(ix, m, oid)
    IdentitySet.__reindex(m) if IdentitySet.__hget(m, :__ixs)
    v = IdentitySet.__value_at(m, ix[1])
    __check_value(ix, v)
    __t_insert(ix[4], __ix_key(ix, v), oid, m)
    __link(m, ix[5], v, ix[1])
  end

  def __ix_remove(ix, m, oid)
    v = IdentitySet.__hget(m, ix[5], :__none)
    v = IdentitySet.__value_at(m, ix[1]) if v.equal?(:__none)
    __t_delete(ix[4], __ix_key(ix, v), oid)
  end

  # m is in one of this set's indexes: its hidden slots say so.
  def __link(m, slot, v, path)
    return unless IdentitySet.__hset(m, slot, v)   # an immediate or frozen member never changes
    IdentitySet.__depend(m, path)
    s = IdentitySet.__hget(m, :__ixs)
    if s.nil?
      IdentitySet.__hset(m, :__ixs, self)
    elsif s.is_a?(IdentitySet)
      IdentitySet.__hset(m, :__ixs, [s, self]) unless s.equal?(self)
    elsif !s.any? { |x| x.equal?(self) }
      s << self
    end
    IdentitySet.__pending << m unless m.committed?
  end

  def __unlink(m)
    s = IdentitySet.__hget(m, :__ixs)
    if s.equal?(self)
      IdentitySet.__hdel(m, :__ixs)
    elsif s.is_a?(Array)
      s.reject! { |x| x.equal?(self) }
    end
  end

  # Moves m in this set's index on key from value o to value n.
  def __move(m, key, o, n)
    ix = @__rc_state[1].find { |i| i[0] == key }
    return unless ix
    oid = m.__id__
    __t_delete(ix[4], __ix_key(ix, o), oid)
    __t_insert(ix[4], __ix_key(ix, n), oid, m)
    Maglev.__rc_log(self, @__rc_state, :move, m, key, o, n)
  end

  # [oid, member, ...] of the members the index answers for op value, or
  # nil when this index cannot answer (then the caller scans).
  def __ix_search(ix, op, value)
    identity = ix[2] == :identity
    if identity
      return nil unless op == :equal || op == :not_equal
      eq = __ix_keys(ix, value.__id__, value.__id__)
      return op == :equal ? eq : __pairs_minus(eq)
    end
    return nil unless value.nil? || value.is_a?(ix[3])
    case op
    when :equal then __ix_keys(ix, value, value) { |k| k.equal?(value) }
    when :not_equal then __pairs_minus(__ix_keys(ix, value, value) { |k| k.equal?(value) })
    when :eql then __ix_keys(ix, value, value) { |k| k == value }
    when :not_eql then __pairs_minus(__ix_keys(ix, value, value) { |k| k == value })
    when :lt then value.nil? ? [] : __ix_between(ix, nil, true, value, false)
    when :lte then value.nil? ? [] : __ix_between(ix, nil, true, value, true)
    when :gt then value.nil? ? [] : __ix_between(ix, value, false, nil, true)
    when :gte then value.nil? ? [] : __ix_between(ix, value, true, nil, true)
    end
  end

  # Entries with lo <= key <= hi (in index order), filtered by the block.
  def __ix_keys(ix, lo, hi)
    tree = ix[4]
    vk = tree[2] == :value
    out = []
    __t_each(tree, lo, MIN_OID) do |k, o, v|
      break if IdentitySet.__t_cmp(vk, k, o, hi, MAX_OID) > 0
      out << o << v if !block_given? || yield(k)
    end
    __sort_pairs(out)
  end

  # lo/hi nil: unbounded (but nil keys never match an ordering).
  def __ix_between(ix, lo, lo_incl, hi, hi_incl)
    return nil if ix[2] == :identity
    return nil unless (lo.nil? || lo.is_a?(ix[3])) && (hi.nil? || hi.is_a?(ix[3]))
    tree = ix[4]
    out = []
    start_k, start_o = lo.nil? ? [nil, MAX_OID] : [lo, lo_incl ? MIN_OID : MAX_OID]
    __t_each(tree, start_k, start_o) do |k, o, v|
      next if k.nil?
      break if hi && IdentitySet.__t_cmp(true, k, o, hi, hi_incl ? MAX_OID : MIN_OID) > 0
      out << o << v
    end
    __sort_pairs(out)
  end

  def __sort_pairs(flat)
    return flat if flat.size <= 2
    out = []
    (0...flat.size / 2).sort_by { |i| flat[2 * i] }.each { |i| out << flat[2 * i] << flat[2 * i + 1] }
    out
  end

  # every member not in pairs (both in oid order)
  def __pairs_minus(pairs) = __pairs_merge(__pairs, pairs) { |a, b| a && !b }

  # Walks two oid-ordered pair lists; keeps an oid when yield(in_a, in_b).
  def __pairs_merge(a, b)
    out = []
    i = j = 0
    while i < a.size || j < b.size
      if j >= b.size || (i < a.size && a[i] < b[j])
        out << a[i] << a[i + 1] if yield(true, false)
        i += 2
      elsif i >= a.size || b[j] < a[i]
        out << b[j] << b[j + 1] if yield(false, true)
        j += 2
      else
        out << a[i] << a[i + 1] if yield(true, true)
        i += 2
        j += 2
      end
    end
    out
  end

  def __pairs_union(a, b) = __pairs_merge(a, b) { |x, y| x || y }

  # ---- the B+-tree (see the opening comment for the node layout) ----

  def self.__kcmp(a, b)
    return(b.nil? ? 0 : -1) if a.nil?
    return 1 if b.nil?
    c = (a <=> b)
    raise ArgumentError, "comparison of #{a.class} with #{b.class} failed" if c.nil?
    c
  end

  def self.__t_cmp(vk, a, ao, b, bo)
    c = vk ? __kcmp(a, b) : (a <=> b)
    c == 0 ? (ao <=> bo) : c
  end

  # A tree of kind from entries [[k, o, v], ...] already in order.
  def self.__t_build(kind, entries)
    level = []
    entries.each_slice(FILL) do |chunk|
      node = [0, nil]
      chunk.each { |k, o, v| node << k << o << v }
      level.last[1] = node unless level.empty?
      level << node
    end
    level << [0, nil] if level.empty?
    height = 0
    while level.size > 1
      height += 1
      level = level.each_slice(FILL).map do |chunk|
        node = [height, nil]
        chunk.each { |c| node << c[2] << c[3] << c }
        node
      end
    end
    [level[0], entries.size, kind]
  end

  # first index i in node n whose entry is >= (k, o), or > it when upper
  def __t_pos(n, vk, k, o, upper)
    lo = 0
    hi = (n.size - 2) / 3
    while lo < hi
      mid = (lo + hi) >> 1
      c = IdentitySet.__t_cmp(vk, n[2 + 3 * mid], n[3 + 3 * mid], k, o)
      if c < 0 || (upper && c == 0) then lo = mid + 1 else hi = mid end
    end
    lo
  end

  # descends to the leaf that holds (k, o); path gets [node, child index, ...]
  def __t_leaf(tree, vk, k, o, path)
    n = tree[0]
    while n[0] > 0
      i = __t_pos(n, vk, k, o, true) - 1
      i = 0 if i < 0
      path << n << i if path
      n = n[4 + 3 * i]
    end
    n
  end

  def __t_find(tree, k, o)
    vk = tree[2] == :value
    n = __t_leaf(tree, vk, k, o, nil)
    i = __t_pos(n, vk, k, o, false)
    return nil if 2 + 3 * i >= n.size || IdentitySet.__t_cmp(vk, n[2 + 3 * i], n[3 + 3 * i], k, o) != 0
    n[4 + 3 * i]
  end

  def __touch(node) = Maglev.__rc_log(self, node, :__touch)

  def __t_insert(tree, k, o, v)
    vk = tree[2] == :value
    path = []
    n = __t_leaf(tree, vk, k, o, path)
    i = __t_pos(n, vk, k, o, false)
    return false if 2 + 3 * i < n.size && IdentitySet.__t_cmp(vk, n[2 + 3 * i], n[3 + 3 * i], k, o) == 0
    n.insert(2 + 3 * i, k, o, v)
    __touch(n)
    while (n.size - 2) / 3 > FAN
      half = (n.size - 2) / 3 / 2
      right = [n[0], n[0] == 0 ? n[1] : nil].concat(n[2 + 3 * half..])
      n.slice!(2 + 3 * half..)
      n[1] = right if n[0] == 0
      __touch(n)
      if path.empty?
        tree[0] = [n[0] + 1, nil, n[2], n[3], n, right[2], right[3], right]
        break
      end
      pi = path.pop
      parent = path.pop
      parent.insert(2 + 3 * (pi + 1), right[2], right[3], right)
      __touch(parent)
      n = parent
    end
    tree[1] += 1
    __touch(tree)
    true
  end

  def __t_delete(tree, k, o)
    vk = tree[2] == :value
    n = __t_leaf(tree, vk, k, o, nil)
    i = __t_pos(n, vk, k, o, false)
    return false if 2 + 3 * i >= n.size || IdentitySet.__t_cmp(vk, n[2 + 3 * i], n[3 + 3 * i], k, o) != 0
    n.slice!(2 + 3 * i, 3)
    __touch(n)
    tree[1] -= 1
    __touch(tree)
    true
  end

  # yields (k, o, v) of each entry from the first >= (k, o) (all when k and
  # o are omitted), in order; break from the block to stop
  def __t_each(tree, *from)
    vk = tree[2] == :value
    if from.empty?
      n = tree[0]
      n = n[4] while n[0] > 0
      i = 0
    else
      n = __t_leaf(tree, vk, from[0], from[1], nil)
      i = __t_pos(n, vk, from[0], from[1], false)
    end
    while n
      while 2 + 3 * i < n.size
        yield n[2 + 3 * i], n[3 + 3 * i], n[4 + 3 * i]
        i += 1
      end
      n = n[1]
      i = 0
    end
    nil
  end
end
