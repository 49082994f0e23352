# ivar_access: instance-variable traffic in a hot loop -- attr_reader,
# attr_writer and attr_accessor methods called from outside, and direct
# @ivar reads and writes inside methods, on objects with few and with many
# instance variables (and on a subclass, which shares the layout).
# Measures ivar lookup/inline caches and accessor-method dispatch.

class Particle
  attr_accessor :x, :y
  attr_reader :vx, :vy
  attr_writer :vx, :vy

  def initialize(x, y, vx, vy)
    @x = x
    @y = y
    @vx = vx
    @vy = vy
  end

  def step
    @x += @vx
    @y += @vy
    if @x < 0 || @x > 10_000
      @vx = -@vx
    end
    if @y < 0 || @y > 10_000
      @vy = -@vy
    end
  end
end

class ChargedParticle < Particle
  attr_reader :charge

  def initialize(x, y, vx, vy, charge)
    super(x, y, vx, vy)
    @charge = charge
  end
end

class Wide
  def initialize
    @a = 1
    @b = 2
    @c = 3
    @d = 4
    @e = 5
    @f = 6
    @g = 7
    @h = 8
    @i = 9
    @j = 10
  end

  def rotate
    t = @a
    @a = @b
    @b = @c
    @c = @d
    @d = @e
    @e = @f
    @f = @g
    @g = @h
    @h = @i
    @i = @j
    @j = t
    @a + @j
  end
end

def run(n)
  particles = []
  16.times do |k|
    if k.odd?
      particles << ChargedParticle.new(k * 100, k * 37, k + 1, 3 - k, k)
    else
      particles << Particle.new(k * 50, k * 91, 2 - k, k + 2)
    end
  end
  wide = Wide.new
  sum = 0
  i = 0
  while i < n
    particles.each do |p|
      p.step
      p.x = p.x + 1 if p.y > 5000        # accessor read and write
      p.vx = p.vx                         # reader + writer round trip
      sum += p.x - p.y
    end
    sum += wide.rotate
    i += 1
  end
  particles.each { |p| sum += p.vx * p.vy + (p.is_a?(ChargedParticle) ? p.charge : 0) }
  sum
end

N = 300_000
x = run(N)
raise "bad result: #{x}" unless x == 302_350_259_190
puts "ivar_access #{N} = #{x}"
