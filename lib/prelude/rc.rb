# rc.rb -- the reduced-conflict classes RCCounter, RCHash and RCQueue
# (MAGLEV-API.md section 7). The classes are base-image classes (well-known
# OOPs, object/coreclasses.def), so their instances persist with no set-up
# and every process finds the same class; `require 'maglev/rccounter'` and
# friends are kept for MagLev programs and load nothing more.
#
# Each object keeps its state in one internal object, @__rc_state, and logs
# every change of a committed state with Maglev.__rc_log. When a commit meets
# a write-write conflict on such states only, the transaction layer drops
# this transaction's changes to them, reads them afresh and calls
# __rc_replay(op, args) for each logged operation, then commits again
# (store/txn.c, "Reduced-conflict objects"). Operations that commute replay
# silently; one that does not raises Maglev::CommitFailedException.

class RCCounter
  def initialize(value = 0)
    @__rc_state = [__rc_int(value)]
  end

  def initialize_copy(other)
    @__rc_state = [other.value]
  end

  def value = @__rc_state[0]
  alias_method :to_i, :value

  def to_s = value.to_s
  def inspect = "#<RCCounter #{value}>"

  def increment = increment_by(1)
  def decrement = increment_by(-1)

  def increment_by(n)
    n = __rc_int(n)
    @__rc_state[0] += n
    Maglev.__rc_log(self, @__rc_state, :add, n)
    self
  end

  # With a guard and a block: GemStone's decrementBy:ifLessThan:thenExecute:.
  # A guard without a block is ignored, as MagLev's rccounter.rb does (the
  # guard only chooses the guarded primitive when a block is given).
  def decrement_by(n, guard = nil, &block)
    n = __rc_int(n)
    return increment_by(-n) if guard.nil? || !block
    guard = __rc_int(guard)
    # the decrement would take the value below the guard: not done, the block answers
    return block.call if value - n < guard
    @__rc_state[0] -= n
    Maglev.__rc_log(self, @__rc_state, :guarded, n, guard)
    self
  end

  # Decrements by one unless that makes the value negative; then the block's
  # value is answered and the counter is left alone.
  def decrement_if_negative(&block) = decrement_by(1, 0, &block)

  def __rc_replay(op, args)
    case op
    when :add then increment_by(args[0])
    when :guarded
      n, guard = args
      decrement_by(n, guard) do        # guarded again, so a later round checks it too
        raise Maglev::CommitFailedException,
              "commit failed: RCCounter#decrement_by(#{n}, #{guard}) no longer holds after another commit (value #{value})"
      end
    end
  end

  private def __rc_int(n)
    # named as CRuby names them: nil, true and false by themselves, not by class
    raise TypeError, "no implicit conversion of #{[nil, true, false].include?(n) ? n.inspect : n.class} into Integer" unless n.is_a?(Integer)
    n
  end
end

class RCHash
  include Enumerable

  ABSENT = Object.new.freeze # :nodoc: the "old value" of a key that was not there
  private_constant :ABSENT

  def initialize
    @__rc_state = {}
  end

  def initialize_copy(other)
    @__rc_state = other.to_h
  end

  def [](key) = @__rc_state[key]

  def []=(key, value)
    old = @__rc_state.fetch(key, ABSENT)
    @__rc_state[key] = value
    Maglev.__rc_log(self, @__rc_state, :store, key, value, old)
    value
  end
  alias_method :store, :[]=

  def delete(key)
    return(block_given? ? yield(key) : nil) unless @__rc_state.key?(key)
    old = @__rc_state.delete(key)
    Maglev.__rc_log(self, @__rc_state, :delete, key, old)
    old
  end

  def clear
    keys.each { |k| delete(k) }
    self
  end

  def update(other)
    other.each_pair { |k, v| self[k] = v }
    self
  end
  alias_method :merge!, :update

  def fetch(key, *default, &block) = @__rc_state.fetch(key, *default, &block)
  def key?(key) = @__rc_state.key?(key)
  alias_method :has_key?, :key?
  alias_method :include?, :key?
  alias_method :member?, :key?
  def value?(value) = @__rc_state.value?(value)
  alias_method :has_value?, :value?
  def key(value) = @__rc_state.key(value)
  def size = @__rc_state.size
  alias_method :length, :size

  def count(*args, &block)
    return size if args.empty? && !block
    super
  end

  def empty? = @__rc_state.empty?
  def keys = @__rc_state.keys
  def values = @__rc_state.values
  def values_at(*keys) = @__rc_state.values_at(*keys)
  def dig(key, *rest) = @__rc_state.dig(key, *rest)
  def to_h(&block) = block ? @__rc_state.to_h(&block) : @__rc_state.dup
  def to_hash = @__rc_state.dup
  # as Hash's: these answer a Hash
  def select(&block) = block ? @__rc_state.select(&block) : enum_for(:select) { size }
  alias_method :filter, :select
  def reject(&block) = block ? @__rc_state.reject(&block) : enum_for(:reject) { size }
  def merge(*others, &block) = @__rc_state.merge(*others.map { |o| o.is_a?(RCHash) ? o.to_h : o }, &block)
  def transform_values(&block) = block ? @__rc_state.transform_values(&block) : enum_for(:transform_values) { size }
  def invert = @__rc_state.invert
  def any?(*args, &block) = @__rc_state.any?(*args, &block)
  def sum(*args, &block) = @__rc_state.sum(*args, &block)
  def to_a = @__rc_state.to_a
  def inspect = "#<RCHash #{@__rc_state.inspect}>"
  alias_method :to_s, :inspect
  def ==(other) = other.is_a?(RCHash) && to_h == other.to_h

  def each(&block)
    return enum_for(:each) { size } unless block
    @__rc_state.each_pair(&block)
    self
  end
  alias_method :each_pair, :each

  def each_key(&block)
    return enum_for(:each_key) { size } unless block
    @__rc_state.each_key(&block)
    self
  end

  def each_value(&block)
    return enum_for(:each_value) { size } unless block
    @__rc_state.each_value(&block)
    self
  end

  # MagLev's hint for the table size (an Integer, as GemStone's rebuildTable:
  # takes): a Ruby Hash sizes itself, so only the argument is checked.
  def rebuild_table(size)
    unless size.respond_to?(:to_int)
      raise TypeError, "no implicit conversion of #{size.nil? ? "nil" : size.class} into Integer"
    end
    raise ArgumentError, "negative table size (#{size.to_int})" if size.to_int < 0
    self
  end

  def __rc_replay(op, args)
    key = args[0]
    old = args[-1]
    now = @__rc_state.fetch(key, ABSENT)
    unless now.equal?(old) || (!now.equal?(ABSENT) && !old.equal?(ABSENT) && now.eql?(old))
      raise Maglev::CommitFailedException,
            "commit failed: RCHash key #{key.inspect} was changed by another commit"
    end
    op == :store ? (self[key] = args[1]) : delete(key)
  end
end

class RCQueue
  include Enumerable

  def initialize
    @__rc_state = []
  end

  def initialize_copy(other)
    @__rc_state = other.to_a
  end

  # Adds value at the tail; answers value (add, enq) or the queue (push, <<).
  def add(value)
    @__rc_state.push(value)
    Maglev.__rc_log(self, @__rc_state, :add, value)
    value
  end
  alias_method :enq, :add

  def push(value)
    add(value)
    self
  end
  alias_method :<<, :push

  # Removes and answers the head, nil when empty.
  def remove
    return nil if @__rc_state.empty?
    value = @__rc_state.shift
    Maglev.__rc_log(self, @__rc_state, :remove, value)
    value
  end
  alias_method :pop, :remove
  alias_method :shift, :remove
  alias_method :deq, :remove

  def first = @__rc_state.first
  alias_method :peek, :first
  def size = @__rc_state.size
  alias_method :length, :size
  def empty? = @__rc_state.empty?
  def to_a = @__rc_state.dup
  def inspect = "#<RCQueue #{@__rc_state.inspect}>"
  alias_method :to_s, :inspect

  def count(*args, &block)
    return size if args.empty? && !block
    super
  end

  # Removes every element; answers them, oldest first.
  def clear
    out = []
    out << remove until @__rc_state.empty?
    out
  end

  def each(&block)
    return enum_for(:each) { size } unless block
    @__rc_state.each(&block)
    self
  end

  def __rc_replay(op, args)
    value = args[0]
    return add(value) if op == :add
    head = @__rc_state.first
    unless !@__rc_state.empty? && (head.equal?(value) || head.eql?(value))
      raise Maglev::CommitFailedException,
            "commit failed: another consumer removed #{value.inspect} from the RCQueue"
    end
    remove
  end
end
