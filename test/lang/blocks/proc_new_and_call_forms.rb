pr = Proc.new { |x| x * 10 }
p pr.call(1)  # expect: 10
p pr.(2)  # expect: 20
p pr[3]  # expect: 30
p pr.yield(4)  # expect: 40
