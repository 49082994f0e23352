# Random is CRuby's: one seed gives CRuby's numbers (MT19937: Random.new(seed).rand, ranges, bytes, big limits), and Array#shuffle / #sample with random: pick what CRuby picks
p Random.new(42).rand, Random.new(5).rand, Random.new(-5).rand, Random.new(0).rand, Random.new(2**32).rand, Random.new(2**32-1).rand, Random.new(2**64+3).rand
p Random.new(2**32+5).rand == Random.new(5).rand, Random.new(2**33).rand, Random.new(2**64).rand, Random.new(2**40+7).rand
r = Random.new(1); p 5.times.map { r.rand(2**32) }
r = Random.new(1); p 3.times.map { r.rand(10) }
p Random.new(1).bytes(7).bytes, Random.new(2).bytes(9).bytes
r = Random.new(3); p r.rand(10**30), r.rand(1.5), r.rand(2.0..3.0), r.rand(1..6), r.rand(-3...3), r.rand(2**64), r.rand(2**64 + 1), r.rand(1.0...2.0)
p [1,2,3,4,5,6,7,8].shuffle(random: Random.new(9)), [1,2,3,4,5,6,7,8].sample(3, random: Random.new(9)), [1,2,3,4,5,6,7,8].sample(random: Random.new(9))
(1..8).each { |n| p (1..20).to_a.sample(n, random: Random.new(n)) }
p (1..100).to_a.sample(30, random: Random.new(4))
srand(7); p [rand(1000), rand, rand(5..9), [1, 2, 3].shuffle, [1, 2, 3].sample]
r = Random.new(11); p 10.times.map { r.rand(1_000_000_007) }
r = Random.new(11); p r.rand(2**70), r.rand(10**40), r.rand(3**50)
p Random.new(12) == Random.new(12), Random.new(12).seed
r = Random.new(5); r.rand; r2 = r.dup; p r.rand == r2.rand
p Random.rand(1.0).class, Random.new(8).random_number(10), Random.new(8).random_number
(11..16).each { |n| p (1..40).to_a.sample(n, random: Random.new(n)) }
(0..12).each { |n| p (1..n).to_a.shuffle(random: Random.new(100 + n)) }
srand(1234); p rand(2.5), rand(-7), rand(0), rand(1.9), rand(10**25), rand(3..3), rand(1.0..1.0)
srand(99); a = (1..10).to_a; a.shuffle!; p a, Random.rand(7), Random.rand, Random::DEFAULT.rand(3)
r = Random.new(2**100 + 12345); p r.rand, r.rand(2**80), r.bytes(5).bytes
p Random.new(7).rand(-5..-1), Random.new(7).rand(2**62..2**62 + 10), Random.new(7).rand(0.5...0.75)
r = Random.new(31); p 3.times.map { r.rand(6) + 1 }, [1, 2, 3].sample(random: r)
# expect: 0.3745401188473625
# expect: 0.22199317108973948
# expect: 0.22199317108973948
# expect: 0.5488135039273248
# expect: 0.5488135039273248
# expect: 0.0976320289940138
# expect: 0.7565937580951452
# expect: true
# expect: 0.011451121320907864
# expect: 0.1507172537105722
# expect: 0.6137037779936511
# expect: [1791095845, 4282876139, 3093770124, 4005303368, 491263]
# expect: [5, 8, 9]
# expect: [37, 244, 193, 106, 235, 128, 71]
# expect: [168, 92, 157, 111, 15, 138, 97, 47, 237]
# expect: 797885027467724200227656623747
# expect: 0.4363571083694165
# expect: 2.510827601088516
# expect: 6
# expect: 0
# expect: 16533689267043216235
# expect: 4572732061138089079
# expect: 1.0935514974654454
# expect: [8, 2, 3, 4, 1, 6, 5, 7]
# expect: [7, 5, 8]
# expect: 7
# expect: [6]
# expect: [9, 17]
# expect: [11, 4, 10]
# expect: [15, 6, 2, 11]
# expect: [4, 16, 18, 8, 9]
# expect: [11, 10, 4, 14, 18, 15]
# expect: [16, 5, 4, 10, 17, 13, 11]
# expect: [4, 19, 11, 7, 14, 12, 5, 15]
# expect: [47, 57, 72, 5, 92, 78, 2, 17, 67, 65, 66, 69, 49, 64, 59, 54, 12, 21, 19, 75, 42, 43, 96, 62, 81, 4, 73, 58, 37, 79]
# expect: [175, 0.22733907982646517, 8, [3, 2, 1], 3]
# expect: [774252441, 293375679, 83645520, 707468379, 915766609, 833720247, 966083853, 757129548, 731018913, 451723847]
# expect: 462428640789569229904
# expect: 9345249004333941319983480600381559464268
# expect: 560211110913637146227538
# expect: true
# expect: 12
# expect: true
# expect: Float
# expect: 3
# expect: 0.8734294027918162
# expect: [26, 18, 30, 21, 2, 5, 40, 15, 27, 34, 24]
# expect: [12, 29, 9, 6, 8, 3, 19, 30, 26, 5, 16, 25]
# expect: [19, 12, 1, 38, 30, 32, 9, 21, 3, 7, 22, 6, 15]
# expect: [25, 14, 1, 11, 33, 16, 23, 34, 8, 5, 10, 7, 13, 37]
# expect: [9, 14, 8, 4, 33, 5, 2, 19, 30, 32, 26, 29, 11, 37, 15]
# expect: [6, 3, 7, 35, 9, 38, 23, 1, 33, 36, 25, 30, 5, 14, 16, 26]
# expect: []
# expect: [1]
# expect: [2, 1]
# expect: [1, 3, 2]
# expect: [1, 3, 4, 2]
# expect: [5, 4, 3, 2, 1]
# expect: [5, 6, 1, 4, 2, 3]
# expect: [6, 5, 4, 3, 2, 1, 7]
# expect: [6, 7, 5, 1, 3, 8, 2, 4]
# expect: [3, 5, 2, 4, 1, 9, 8, 6, 7]
# expect: [7, 3, 9, 5, 10, 2, 8, 6, 4, 1]
# expect: [6, 1, 8, 9, 3, 2, 4, 7, 10, 11, 5]
# expect: [4, 8, 3, 10, 7, 1, 11, 6, 12, 2, 9, 5]
# expect: 1
# expect: 3
# expect: 0.6221087710398319
# expect: 0
# expect: 4068111851372115073161209
# expect: 3
# expect: 1.0
# expect: [9, 6, 5, 3, 7, 8, 1, 10, 4, 2]
# expect: 4
# expect: 0.5656174196105306
# expect: 2
# expect: 0.44487310994347073
# expect: 842658269057668859507191
# expect: [115, 233, 83, 195, 169]
# expect: -1
# expect: 4611686018427387908
# expect: 0.5190770723434893
# expect: [3, 1, 3]
# expect: 3
