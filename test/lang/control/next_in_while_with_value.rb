# `next expr` in a while loop evaluates expr (its value is dropped)
i = 0
while i < 3
  next i = i + 1
end
p i          # expect: 3
base = [1, 2, 3]
seen = []
while base.any?
  seen << base.first
  next base = base.drop(1) unless base.first == 0
end
p seen       # expect: [1, 2, 3]
n = 0
until n >= 2
  begin
    next (n += 1)
  ensure
    seen << :ensure
  end
end
p n, seen.last(2)
# expect: 2
# expect: [:ensure, :ensure]
