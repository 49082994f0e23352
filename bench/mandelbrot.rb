# mandelbrot: escape-time iteration over a SIZE x SIZE grid of the complex
# plane [-1.5, 0.5] x [-1, 1]. Measures tight Float loops on locals.

def mandelbrot(size, max_iter)
  inside = 0
  checksum = 0
  y = 0
  while y < size
    ci = 2.0 * y / size - 1.0
    x = 0
    while x < size
      cr = 2.0 * x / size - 1.5
      zr = 0.0
      zi = 0.0
      tr = 0.0
      ti = 0.0
      i = 0
      while i < max_iter && tr + ti <= 4.0
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i += 1
      end
      if tr + ti <= 4.0
        inside += 1
      else
        checksum = (checksum * 31 + i) % 1_000_000_007
      end
      x += 1
    end
    y += 1
  end
  [inside, checksum]
end

SIZE = 800
inside, checksum = mandelbrot(SIZE, 50)
raise "bad result: #{inside} #{checksum}" unless inside == 254099 && checksum == 997470127
puts "mandelbrot #{SIZE} = #{inside} #{checksum}"
