def run(&blk)
  blk
end
b = run { |x| x * 2 }
p b.class  # expect: Proc
p b.call(21)  # expect: 42
p run  # expect: nil
