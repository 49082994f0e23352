# nbody: simulates the four Jovian planets orbiting the Sun with a simple
# symplectic integrator. Measures Float arithmetic, Math.sqrt, attribute
# accessors on small objects and nested while loops over an Array.

SOLAR_MASS = 4.0 * Math::PI * Math::PI
DAYS_PER_YEAR = 365.24

class Body
  attr_accessor :x, :y, :z, :vx, :vy, :vz
  attr_reader :mass

  def initialize(x, y, z, vx, vy, vz, mass)
    @x = x
    @y = y
    @z = z
    @vx = vx * DAYS_PER_YEAR
    @vy = vy * DAYS_PER_YEAR
    @vz = vz * DAYS_PER_YEAR
    @mass = mass * SOLAR_MASS
  end

  def kinetic_energy
    0.5 * @mass * (@vx * @vx + @vy * @vy + @vz * @vz)
  end

  def move(dt)
    @x += dt * @vx
    @y += dt * @vy
    @z += dt * @vz
  end
end

class PlanetarySystem
  def initialize(bodies)
    @bodies = bodies
    px = py = pz = 0.0
    bodies.each do |b|
      px += b.vx * b.mass
      py += b.vy * b.mass
      pz += b.vz * b.mass
    end
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS
  end

  def advance(dt)
    bodies = @bodies
    n = bodies.size
    i = 0
    while i < n
      a = bodies[i]
      ax = a.x
      ay = a.y
      az = a.z
      amass = a.mass
      avx = a.vx
      avy = a.vy
      avz = a.vz
      j = i + 1
      while j < n
        b = bodies[j]
        dx = ax - b.x
        dy = ay - b.y
        dz = az - b.z
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * Math.sqrt(d2))
        bm = b.mass * mag
        avx -= dx * bm
        avy -= dy * bm
        avz -= dz * bm
        am = amass * mag
        b.vx += dx * am
        b.vy += dy * am
        b.vz += dz * am
        j += 1
      end
      a.vx = avx
      a.vy = avy
      a.vz = avz
      i += 1
    end
    bodies.each { |body| body.move(dt) }
  end

  def energy
    e = 0.0
    n = @bodies.size
    i = 0
    while i < n
      a = @bodies[i]
      e += a.kinetic_energy
      j = i + 1
      while j < n
        b = @bodies[j]
        dx = a.x - b.x
        dy = a.y - b.y
        dz = a.z - b.z
        e -= a.mass * b.mass / Math.sqrt(dx * dx + dy * dy + dz * dz)
        j += 1
      end
      i += 1
    end
    e
  end
end

def make_system
  PlanetarySystem.new([
    Body.new(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0), # sun
    Body.new(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
             9.54791938424326609e-04), # jupiter
    Body.new(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
             2.85885980666130812e-04), # saturn
    Body.new(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
             4.36624404335156298e-05), # uranus
    Body.new(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
             5.15138902046611451e-05) # neptune
  ])
end

def check(label, got, want)
  raise "bad result: #{label} #{got}" unless (got - want).abs < 1e-9
end

# Short run first: these two values are the published reference output
# for 1000 steps (-0.169075164 / -0.169087605).
s = make_system
check("e0", s.energy, -0.169075164)
1000.times { s.advance(0.01) }
check("e1000", s.energy, -0.169087605)

N = 350_000
s = make_system
N.times { s.advance(0.01) }
e1 = s.energy
check("eN", e1, -0.169090461021)
puts "nbody #{N} = #{e1.round(9)}"
