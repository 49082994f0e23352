# spectral_norm: power iteration estimating the spectral norm of the
# infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), truncated to N x N.
# Measures Float arithmetic, Array indexing and method calls in loops.

def a(i, j)
  ij = i + j
  1.0 / ((ij * (ij + 1)) / 2 + i + 1)
end

# out = A * v
def mul_av(v, out, n)
  i = 0
  while i < n
    s = 0.0
    j = 0
    while j < n
      s += a(i, j) * v[j]
      j += 1
    end
    out[i] = s
    i += 1
  end
end

# out = transpose(A) * v
def mul_atv(v, out, n)
  i = 0
  while i < n
    s = 0.0
    j = 0
    while j < n
      s += a(j, i) * v[j]
      j += 1
    end
    out[i] = s
    i += 1
  end
end

def mul_atav(v, out, tmp, n)
  mul_av(v, tmp, n)
  mul_atv(tmp, out, n)
end

def spectral_norm(n)
  u = Array.new(n, 1.0)
  v = Array.new(n, 0.0)
  tmp = Array.new(n, 0.0)
  10.times do
    mul_atav(u, v, tmp, n)
    mul_atav(v, u, tmp, n)
  end
  vbv = 0.0
  vv = 0.0
  i = 0
  while i < n
    vbv += u[i] * v[i]
    vv += v[i] * v[i]
    i += 1
  end
  Math.sqrt(vbv / vv)
end

def check(label, got, want)
  raise "bad result: #{label} #{got}" unless (got - want).abs < 1e-9
end

# published reference value for N = 100
check("n100", spectral_norm(100), 1.274219991)

N = 550
x = spectral_norm(N)
check("n#{N}", x, 1.274224125037)
puts "spectral_norm #{N} = #{x.round(9)}"
