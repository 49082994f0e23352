def outer(&blk)
  inner(&blk)
end
def inner
  yield 5
end
p outer { |v| v + 1 }  # expect: 6
