def check = block_given?
blk = nil
p check(&blk)  # expect: false
p check(&:x)  # expect: true
