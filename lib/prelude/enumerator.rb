# enumerator.rb -- Enumerator::Lazy, Enumerator::Chain, Enumerable#lazy /
# #chain and Enumerator#+ on top of the C Enumerator (src/core/enumerator.c,
# whose next/peek run #each in a Fiber, so these iterate externally too).
#
# A Lazy holds its source and a *step factory*: each #each run asks the
# factory for a fresh step proc (so take/uniq/with_index state restarts), and
# the step receives (yielder, *values) for every source element; a step may
# `throw` the run's tag to stop the source early (take, take_while).

class Enumerator
  def +(other) = Enumerator::Chain.new(self, other)

  class Chain < Enumerator
    def initialize(*enums)
      self.__state = enums.freeze
    end

    def each(*args, &blk)
      return self unless blk
      __state.each { |e| e.each(*args, &blk) }
      self
    end

    def size
      total = 0
      __state.each do |e|
        s = e.size
        return s if s.nil? || (s.is_a?(Float) && s.infinite?)
        total += s
      end
      total
    end

    def rewind
      __state.reverse_each { |e| e.rewind if e.respond_to?(:rewind) }
      self
    end

    def +(other) = Enumerator::Chain.new(self, other)

    def inspect
      "#<Enumerator::Chain: [#{__state.map(&:inspect).join(', ')}]>"
    end
    alias to_s inspect

    undef_method :next, :peek, :next_values, :peek_values, :feed
  end

  class Lazy < Enumerator
    # Lazy.new(obj, size = nil) { |yielder, *values| ... }
    def initialize(obj, size = nil, &blk)
      raise ArgumentError, "tried to call lazy new without a block" unless blk
      # state: [obj (shown by inspect), src (iterated), meth, margs, size, factory]
      self.__state = [obj, obj, nil, nil, size, proc { |_tag| blk }]
    end

    def __setup(obj, meth, args, size, factory, src = obj)
      self.__state = [obj, src, meth, args, size, factory]
      self
    end

    def each(*args, &blk)
      return self unless blk
      y = Enumerator::Yielder.new(&blk)
      tag = Object.new
      st = __state
      step = st[5].call(tag)
      return nil if step.nil?           # take(0): the source is not even started
      catch(tag) do
        st[1].each(*args) { |*v| step.call(y, *v) }
      end
    end

    def size
      s = __state[4]
      s.respond_to?(:call) ? s.call : s
    end

    def inspect
      st = __state
      s = "#<#{self.class}: #{st[0].inspect}"
      if st[2]
        s << ":#{st[2]}"
        s << "(#{st[3].map(&:inspect).join(', ')})" unless st[3].empty?
      end
      s << ">"
    end
    alias to_s inspect

    def lazy = self

    def +(other) = Enumerator::Chain.new(self, other).lazy
    def chain(*enums) = Enumerator::Chain.new(self, *enums).lazy

    def force(*args) = to_a(*args)

    def eager
      Kernel.instance_method(:to_enum).bind_call(self, :each) { size }
    end

    def to_enum(meth = :each, *args, &size_blk)
      src = Kernel.instance_method(:to_enum).bind_call(self, meth, *args)
      Lazy.allocate.__setup(self, meth, args, size_blk, proc { |_t| proc { |y, *v| y.yield(*v) } }, src)
    end
    alias enum_for to_enum

    private def __lazy(meth, args = [], size = nil, &factory)
      Lazy.allocate.__setup(self, meth, args, size, factory)
    end

    private def __size_same = -> { size }

    def map(&blk)
      raise ArgumentError, "tried to call lazy map without a block" unless blk
      __lazy(:map, [], __size_same) { |_t| proc { |y, *v| y.yield(blk.call(*v)) } }
    end
    alias collect map

    def select(&blk)
      raise ArgumentError, "tried to call lazy select without a block" unless blk
      __lazy(:select) { |_t| proc { |y, *v| x = v.size > 1 ? v : v[0]; y.yield(*v) if blk.call(x) } }
    end
    alias filter select
    alias find_all select

    def filter_map(&blk)
      raise ArgumentError, "tried to call lazy filter_map without a block" unless blk
      __lazy(:filter_map) { |_t| proc { |y, *v| r = blk.call(*v); y.yield(r) if r } }
    end

    def reject(&blk)
      raise ArgumentError, "tried to call lazy reject without a block" unless blk
      __lazy(:reject) { |_t| proc { |y, *v| x = v.size > 1 ? v : v[0]; y.yield(*v) unless blk.call(x) } }
    end

    def grep(pat, &blk)
      __lazy(:grep, [pat]) do |_t|
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          y.yield(blk ? blk.call(x) : x) if pat === x
        end
      end
    end

    def grep_v(pat, &blk)
      __lazy(:grep_v, [pat]) do |_t|
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          y.yield(blk ? blk.call(x) : x) unless pat === x
        end
      end
    end

    def flat_map(&blk)
      raise ArgumentError, "tried to call lazy flat_map without a block" unless blk
      __lazy(:flat_map) do |_t|
        proc do |y, *v|
          r = blk.call(*v)
          if r.is_a?(Array) || (!r.respond_to?(:force) && r.respond_to?(:to_ary))
            r.to_ary.each { |e| y.yield(e) }
          elsif r.respond_to?(:each) && r.respond_to?(:force)
            r.each { |e| y.yield(e) }
          else
            y.yield(r)
          end
        end
      end
    end
    alias collect_concat flat_map

    def take(n)
      n = n.to_int
      raise ArgumentError, "attempt to take negative size" if n < 0
      sz = -> { s = size; s.nil? ? nil : [s, n].min }
      return __lazy(:take, [n], sz) { |_t| nil } if n == 0
      __lazy(:take, [n], sz) do |t|
        count = 0
        proc do |y, *v|
          count += 1
          y.yield(*v)
          throw t if count >= n
        end
      end
    end

    def take_while(&blk)
      raise ArgumentError, "tried to call lazy take_while without a block" unless blk
      __lazy(:take_while) do |t|
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          throw t unless blk.call(x)
          y.yield(*v)
        end
      end
    end

    def drop(n)
      n = n.to_int
      raise ArgumentError, "attempt to drop negative size" if n < 0
      sz = -> { s = size; s.nil? ? nil : (s - n < 0 ? 0 : s - n) }
      __lazy(:drop, [n], sz) do |_t|
        count = 0
        proc do |y, *v|
          if count < n
            count += 1
          else
            y.yield(*v)
          end
        end
      end
    end

    def drop_while(&blk)
      raise ArgumentError, "tried to call lazy drop_while without a block" unless blk
      __lazy(:drop_while) do |_t|
        dropping = true
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          dropping = false if dropping && !blk.call(x)
          y.yield(*v) unless dropping
        end
      end
    end

    def uniq(&blk)
      __lazy(:uniq) do |_t|
        seen = {}
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          k = blk ? blk.call(x) : x
          unless seen.key?(k)
            seen[k] = true
            y.yield(*v)
          end
        end
      end
    end

    def compact
      __lazy(:compact) { |_t| proc { |y, *v| x = v.size > 1 ? v : v[0]; y.yield(*v) unless x.nil? } }
    end

    def with_index(offset = 0, &blk)
      offset = offset.nil? ? 0 : offset.to_int
      __lazy(:with_index, [offset], __size_same) do |_t|
        i = offset - 1
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          i += 1
          if blk
            blk.call(x, i)
            y.yield(*v)
          else
            y.yield([x, i])
          end
        end
      end
    end
    # Enumerable's: eager with a block
    def each_with_index(&blk) = blk ? super : to_enum(:each_with_index) { size }

    def zip(*others, &blk)
      return super if blk
      arrays = others.all? { |o| o.is_a?(Array) }
      others = others.map do |o|
        next o if o.is_a?(Array)
        raise TypeError, "wrong argument type #{o.class} (must respond to :each)" unless o.respond_to?(:each)
        o
      end
      __lazy(:zip, others, __size_same) do |_t|
        idx = -1
        enums = arrays ? nil : others.map { |o| o.is_a?(Array) ? o : o.to_enum(:each) }
        done = enums && enums.map { false }
        proc do |y, *v|
          x = v.size > 1 ? v : v[0]
          idx += 1
          row = if arrays
                  others.map { |a| a[idx] }
                else
                  enums.each_with_index.map do |e, j|
                    if e.is_a?(Array)
                      e[idx]
                    elsif done[j]
                      nil
                    else
                      begin
                        e.next
                      rescue StopIteration
                        done[j] = true
                        nil
                      end
                    end
                  end
                end
          y.yield([x, *row])
        end
      end
    end

    def chunk(&blk) = blk ? super(&blk).lazy : to_enum(:chunk)
    def chunk_while(&blk) = super(&blk).lazy
    def slice_when(&blk) = super(&blk).lazy
    def slice_before(*a, &blk) = super(*a, &blk).lazy
    def slice_after(*a, &blk) = super(*a, &blk).lazy
    def each_slice(n, &b) = b ? super : to_enum(:each_slice, n) { Enumerable.instance_method(:each_slice).bind_call(self, n).size }
    def each_cons(n, &b) = b ? super : to_enum(:each_cons, n) { Enumerable.instance_method(:each_cons).bind_call(self, n).size }
    def each_with_object(memo, &b) = b ? super : to_enum(:each_with_object, memo) { size }
    def with_object(memo, &b) = b ? super : to_enum(:with_object, memo) { size }
  end
end

module Enumerable
  def lazy
    obj = self
    lz = Enumerator::Lazy.allocate
    lz.__setup(self, nil, [], -> { obj.respond_to?(:size) ? obj.size : nil }, proc { |_t| proc { |y, *v| y.yield(*v) } })
  end

  def chain(*enums) = Enumerator::Chain.new(self, *enums)
end

class Enumerator
  # Enumerator includes Enumerable before this file runs: define directly too.
  def chain(*enums) = Enumerator::Chain.new(self, *enums)
end

class Enumerator
  # Enumerator.produce(initial = none) { |prev| next }: an infinite sequence;
  # the block raising StopIteration ends it.
  def self.produce(*args, &blk)
    raise ArgumentError, "no block given" unless blk
    raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 0..1)" if args.size > 1
    Enumerator.new(Float::INFINITY) do |y|
      if args.empty?
        val = blk.call
      else
        val = args[0]
      end
      loop do
        y << val
        val = blk.call(val)
      end
    end
  end
end

# slice_when, chunk_while, slice_before, slice_after stream, as CRuby's: the
# Enumerator they answer runs `each` when it is iterated (an endless source
# works with first(n); the block runs then, not when the slicer is made).
module Enumerable
  def slice_when(&pred)
    raise ArgumentError, "tried to create Proc object without a block" unless pred
    __slice_between(pred, true)
  end

  def chunk_while(&pred)
    raise ArgumentError, "tried to create Proc object without a block" unless pred
    __slice_between(pred, false)
  end

  def slice_before(*args, &blk)
    __slice_at(args, blk, true)
  end

  def slice_after(*args, &blk)
    __slice_at(args, blk, false)
  end

  private

  def __slice_between(pred, cut_when)
    src = self
    Enumerator.new do |y|
      acc = nil
      prev = nil
      src.each do |*v|
        e = v.size <= 1 ? v[0] : v
        if acc.nil?
          acc = [e]
        elsif (pred.call(prev, e) ? true : false) == cut_when
          y << acc
          acc = [e]
        else
          acc << e
        end
        prev = e
      end
      y << acc if acc
    end
  end

  def __slice_at(args, blk, before)
    if blk
      raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 0)" unless args.empty?
      test = blk
    else
      raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 1)" unless args.size == 1
      pat = args[0]
      test = ->(e) { pat === e }
    end
    src = self
    Enumerator.new do |y|
      acc = nil
      src.each do |*v|
        e = v.size <= 1 ? v[0] : v
        if before
          if acc && test.call(e)
            y << acc
            acc = nil
          end
          (acc ||= []) << e
        else
          (acc ||= []) << e
          if test.call(e)
            y << acc
            acc = nil
          end
        end
      end
      y << acc if acc
    end
  end
end
