# send_mm: dynamic dispatch -- Object#send and #public_send with literal and
# computed Symbol names (and a few Strings), calls that fall through to
# method_missing (directly and via send), and respond_to? with
# respond_to_missing?. Measures method lookup without a static call site.

class Accumulator
  GHOSTS = { twice: 2, thrice: 3, negate: -1 }

  attr_reader :total

  def initialize
    @total = 0
  end

  def add(x)
    @total += x
  end

  def sub(x)
    @total -= x
  end

  def add_pair(x, y)
    @total += x + y
  end

  def with_block(x)
    @total += yield(x)
  end

  def method_missing(name, *args)
    factor = GHOSTS[name]
    return super if factor.nil?
    @total += args[0] * factor
  end

  def respond_to_missing?(name, include_private = false)
    GHOSTS.key?(name) || super
  end

  private

  def hidden(x)
    @total += x * 10
  end
end

OPS = [:add, :sub, :add, :hidden]
PUBLIC_OPS = [:add, :sub, :twice, :add]

def run(n)
  acc = Accumulator.new
  i = 0
  while i < n
    acc.send(:add, i)
    acc.send(OPS[i & 3], 1)
    acc.public_send(PUBLIC_OPS[i & 3], 2)
    acc.send(:add_pair, i, 1)
    acc.send(:with_block, 3) { |x| x * 2 }
    acc.twice(1)                    # method_missing, direct call
    acc.send(:thrice, 1)            # method_missing via send
    acc.public_send(:negate, 1)     # method_missing via public_send
    acc.send("sub", 1) if i % 16 == 0
    i += 1
  end
  acc.total
end

def edge_cases
  acc = Accumulator.new
  errors = 0
  begin
    acc.public_send(:hidden, 1)     # private: must raise
  rescue NoMethodError
    errors += 1
  end
  begin
    acc.no_such_method(1)           # method_missing calls super
  rescue NoMethodError
    errors += 1
  end
  errors += 1 if acc.respond_to?(:twice) && !acc.respond_to?(:nope) && !acc.respond_to?(:hidden)
  errors += 1 if acc.method(:thrice).call(2) == 6
  errors
end

N = 1_600_000 # a multiple of 16
raise "bad result: edge cases" unless edge_cases == 4
x = run(N)
# per iteration i: 2i + 11 (add, add_pair, with_block, the three ghosts);
# per 4: +11 from OPS and +6 from PUBLIC_OPS; per 16: -1 from "sub"
expected = N * (N - 1) + 11 * N + 17 * (N / 4) - N / 16
raise "bad result: #{x}" unless x == expected && x == 2_560_022_700_000
puts "send_mm #{N} = #{x}"
