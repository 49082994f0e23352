# maglev/orderedcollection.rb -- OrderedCollection, Smalltalk's growable
# ordered collection, as a persistable Ruby class (MAGLEV-API.md section 9;
# docs/libraries.md).
#
#   oc = OrderedCollection.new          # or OrderedCollection[1, 2, 3]
#   oc << :b; oc.add_first(:a); oc.add_last(:c)
#   oc.remove_first                      # => :a
#   Maglev::PERSISTENT_ROOT[:jobs] = oc; Maglev.commit_transaction
#
# The class is a base-image library class (LIB_CLASS in
# src/object/coreclasses.def): its instances persist like an Array's in any
# mode, every process finds the same class, and a process that faults an
# instance loads this file by itself.
#
# Indexes are Ruby's: from 0, negative ones count from the end.
#
# Concurrency: the elements live in one internal Array, @__rc_state, and
# every change to a committed collection is logged for replay (the
# reduced-conflict machinery of lib/prelude/rc.rb and store/txn.c). So
# commits that only append (add, <<, add_last, add_first) to the same
# collection from several processes all succeed, each append landing after
# what the other commits appended. A removal replays when its element is
# still where it was taken from (remove_first, remove_last) or still present
# (remove); any other change (insert, []=, clear, ...) replays only as a
# conflict, raising Maglev::CommitFailedException like any write-write
# conflict.
class OrderedCollection
  include Enumerable

  def self.[](*elements) = new(elements)

  def initialize(elements = nil)
    unless elements.nil? || elements.respond_to?(:to_a)
      raise TypeError, "no implicit conversion of #{elements.class} into Array"
    end
    @__rc_state = elements.nil? ? [] : elements.to_a.dup
  end

  def initialize_copy(other)
    @__rc_state = other.to_a
  end

  # ---- adding ----

  # Appends value; answers value (Smalltalk's add:).
  def add(value)
    @__rc_state.push(value)
    Maglev.__rc_log(self, @__rc_state, :add_last, value)
    value
  end
  alias_method :add_last, :add

  def <<(value)
    add(value)
    self
  end

  def push(*values)
    values.each { |v| add(v) }
    self
  end

  def add_first(value)
    @__rc_state.unshift(value)
    Maglev.__rc_log(self, @__rc_state, :add_first, value)
    value
  end

  # Appends every element of enum; answers enum (Smalltalk's addAll:).
  def add_all(enum)
    enum.each { |v| add(v) }
    enum
  end

  # Inserts values before index (Array#insert); answers self.
  def insert(index, *values)
    changing(:insert) { @__rc_state.insert(index, *values) }
    self
  end

  # ---- removing ----

  # Removes and answers the first element; IndexError when empty.
  def remove_first
    raise IndexError, "remove_first: the OrderedCollection is empty" if @__rc_state.empty?
    value = @__rc_state.shift
    Maglev.__rc_log(self, @__rc_state, :remove_first, value)
    value
  end

  def remove_last
    raise IndexError, "remove_last: the OrderedCollection is empty" if @__rc_state.empty?
    value = @__rc_state.pop
    Maglev.__rc_log(self, @__rc_state, :remove_last, value)
    value
  end

  # Removes the first element == obj and answers it; when there is none,
  # answers the block's value, or raises ArgumentError without a block
  # (Smalltalk's remove: and remove:ifAbsent:).
  def remove(obj)
    i = @__rc_state.index(obj)
    if i.nil?
      return yield(obj) if block_given?
      raise ArgumentError, "remove: #{obj.inspect} is not in the OrderedCollection"
    end
    value = @__rc_state.delete_at(i)
    Maglev.__rc_log(self, @__rc_state, :remove, value)
    value
  end

  # Removes every element == obj; answers obj, or nil if there was none (Array#delete).
  def delete(obj)
    found = nil
    found = remove(obj) while @__rc_state.include?(obj)
    found
  end

  def delete_at(index)
    changing(:delete_at) { @__rc_state.delete_at(index) }
  end

  def delete_if(&block)
    return enum_for(:delete_if) { size } unless block
    changing(:delete_if) { @__rc_state.delete_if(&block) }
    self
  end

  # Smalltalk's size:, MagLev's size=: truncates to n elements, or grows to
  # n with nils.
  def size=(n)
    raise TypeError, "no implicit conversion of #{n.nil? ? "nil" : n.class} into Integer" unless n.is_a?(Integer)
    raise ArgumentError, "negative size (#{n})" if n < 0
    changing(:resize) do
      if n < @__rc_state.size then @__rc_state.slice!(n..)
      else @__rc_state.fill(nil, @__rc_state.size...n)
      end
    end
  end

  # Removes every element; answers self.
  def clear
    changing(:clear) { @__rc_state.clear }
    self
  end

  # ---- reading ----

  def [](*args) = @__rc_state[*args]
  def at(index) = @__rc_state.at(index)
  def fetch(*args, &block) = @__rc_state.fetch(*args, &block)

  def []=(*args)
    changing(:store) { @__rc_state.[]=(*args) }
    args.last
  end

  def first(*n) = @__rc_state.first(*n)
  def last(*n) = @__rc_state.last(*n)
  def size = @__rc_state.size
  alias_method :length, :size
  def empty? = @__rc_state.empty?
  def include?(obj) = @__rc_state.include?(obj)
  alias_method :includes?, :include?
  def index(*args, &block) = @__rc_state.index(*args, &block)
  def rindex(*args, &block) = @__rc_state.rindex(*args, &block)
  def to_a = @__rc_state.dup
  alias_method :entries, :to_a
  def reverse = OrderedCollection.new(@__rc_state.reverse)
  def hash = @__rc_state.hash

  def count(*args, &block)
    return size if args.empty? && !block
    super
  end

  def each(&block)
    return enum_for(:each) { size } unless block
    @__rc_state.each(&block)
    self
  end

  def reverse_each(&block)
    return enum_for(:reverse_each) { size } unless block
    @__rc_state.reverse_each(&block)
    self
  end

  # MagLev's: from the last element to the first, each with its index.
  def reverse_each_with_index
    return enum_for(:reverse_each_with_index) { size } unless block_given?
    (@__rc_state.size - 1).downto(0) { |i| yield(@__rc_state[i], i) }
    self
  end

  def each_with_index(&block)
    return enum_for(:each_with_index) { size } unless block
    @__rc_state.each_with_index(&block)
    self
  end

  # Equal to another OrderedCollection with equal elements in the same order.
  def ==(other) = other.is_a?(OrderedCollection) && to_a == other.to_a
  def eql?(other) = other.is_a?(OrderedCollection) && to_a.eql?(other.to_a)

  def inspect = "#<OrderedCollection #{@__rc_state.inspect}>"
  alias_method :to_s, :inspect

  # Replays one logged operation after another commit changed this
  # collection (store/txn.c, "Reduced-conflict objects").
  def __rc_replay(op, args)
    value = args[0]
    case op
    when :add_last then add(value)
    when :add_first then add_first(value)
    when :remove_first
      replay_failed("its first element #{value.inspect} was removed") unless !empty? && first.equal?(value)
      remove_first
    when :remove_last
      replay_failed("its last element #{value.inspect} was removed") unless !empty? && last.equal?(value)
      remove_last
    when :remove
      i = @__rc_state.index { |e| e.equal?(value) }
      replay_failed("#{value.inspect} was removed") if i.nil?
      @__rc_state.delete_at(i)
      Maglev.__rc_log(self, @__rc_state, :remove, value)
    else
      replay_failed("#{op} does not commute with the other commit's changes")
    end
  end

  private

  # A change that does not commute: logged so that a conflict on this
  # collection is reported rather than silently replayed without it.
  def changing(op)
    r = yield
    Maglev.__rc_log(self, @__rc_state, op)
    r
  end

  def replay_failed(why)
    raise Maglev::CommitFailedException, "commit failed: another commit changed the OrderedCollection: #{why}"
  end
end
