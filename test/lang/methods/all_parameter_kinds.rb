def everything(a, b = 2, *c, d, e:, f: 6, **g, &h)
  [a, b, c, d, e, f, g, h.call]
end
p everything(1, 4, e: 5) { :blk }  # expect: [1, 2, [], 4, 5, 6, {}, :blk]
p everything(1, 2, 3, 4, 5, e: 0, f: 1, z: 9) { :b }  # expect: [1, 2, [3, 4], 5, 0, 1, {:z=>9}, :b]
