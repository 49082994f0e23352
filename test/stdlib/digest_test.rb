# Digest::MD5/SHA1/SHA256/SHA384/SHA512 (src/ext/digest.c) under Debian's digest.rb and digest/sha2.rb: padding edges, streaming, dup
require "digest"
["", "abc", "a" * 1000, "The quick brown fox jumps over the lazy dog", "x" * 55, "y" * 56, "z" * 64, "w" * 111, "v" * 112, "u" * 128, "é"].each do |s|
  puts Digest::MD5.hexdigest(s), Digest::SHA1.hexdigest(s), Digest::SHA256.hexdigest(s), Digest::SHA384.hexdigest(s), Digest::SHA512.hexdigest(s)
end
d = Digest::SHA256.new
d << "ab"
d.update("c")
p d.hexdigest, d.to_s == Digest::SHA256.hexdigest("abc"), d.digest.bytesize, d.digest_length, d.block_length
p d == Digest::SHA256.hexdigest("abc"), d.inspect
d.reset
p d.hexdigest == Digest::SHA256.hexdigest("")
p Digest::MD5.base64digest("abc"), Digest::SHA1.digest("abc").bytesize, Digest::MD5.new.length
p Digest::SHA2.new(256).hexdigest("abc") == Digest::SHA256.hexdigest("abc"), Digest::SHA2.new(512).hexdigest("abc")[0, 16]
p Digest(:MD5) == Digest::MD5
e = Digest::MD5.new
e << "part1"
f = e.dup
f << "part2"
p e.hexdigest == Digest::MD5.hexdigest("part1"), f.hexdigest == Digest::MD5.hexdigest("part1part2")

# expect: d41d8cd98f00b204e9800998ecf8427e
# expect: da39a3ee5e6b4b0d3255bfef95601890afd80709
# expect: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
# expect: 38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b
# expect: cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e
# expect: 900150983cd24fb0d6963f7d28e17f72
# expect: a9993e364706816aba3e25717850c26c9cd0d89d
# expect: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
# expect: cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7
# expect: ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f
# expect: cabe45dcc9ae5b66ba86600cca6b8ba8
# expect: 291e9a6c66994949b57ba5e650361e98fc36b1ba
# expect: 41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3
# expect: f54480689c6b0b11d0303285d9a81b21a93bca6ba5a1b4472765dca4da45ee328082d469c650cd3b61b16d3266ab8ced
# expect: 67ba5535a46e3f86dbfbed8cbbaf0125c76ed549ff8b0b9e03e0c88cf90fa634fa7b12b47d77b694de488ace8d9a65967dc96df599727d3292a8d9d447709c97
# expect: 9e107d9d372bb6826bd81d3542a419d6
# expect: 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12
# expect: d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592
# expect: ca737f1014a48f4c0b6dd43cb177b0afd9e5169367544c494011e3317dbf9a509cb1e5dc1e85a941bbee3d7f2afbc9b1
# expect: 07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb642e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6
# expect: 04364420e25c512fd958a70738aa8f72
# expect: cef734ba81a024479e09eb5a75b6ddae62e6abf1
# expect: d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072
# expect: a66523395070ed9a9f4be8faab9d76cb2bf631e835177ac1e5a14308f9a56b939964f8597819be798318f3db67a0d995
# expect: db9981645857e59805132f7699e78bbcf39f69380a41aac8e6fa158a0593f2017ffe48764687aa855dae3023fcceefd51a1551d57730423df18503e80ba381ba
# expect: 6c830a5d23df58dbe0171eb5639bf3e4
# expect: 8902d391f35bbaf08469aee6ab763e4048f3f6ba
# expect: 4877e564e5e36e367c7c8d59670774becd3350610b6df4c399c9fa9b66da5813
# expect: 22f15a70e2fb690cd58d53c631732a2432238432d932d7a45378718173c231a8f5fd0890f15ec2a142c477db78d3a527
# expect: 173016d3ea2517af3046375507039139d91d359ef856c8f71faa9b93b21f0d95b845b240d82afc3fafe5631f8fc69b244b3e4b69d9948c383e2677fdd815c364
# expect: 3ecc49f9d9d6c263b4f0de7fc3f38aed
# expect: 668cd5ae72f64e8194014f99778081e5ae46df53
# expect: 72996563049cc84daa2c3f31fd5c3d10770e69d6ebbb8da5b6d76db303dbae43
# expect: aaf880b133c57cf286d2de08f9d5ba32405fbee216ef2db579316467acad926208832458b56be250361b7c5e804a94ea
# expect: 0c5ecbd58212e686682e9564b4a7326c488bb17c2ce176ff73e2066f40ea5b6aaaea64cb2abaa0fe346cd5e643299e892ae6561302049537941a92ba8a83c03c
# expect: a2b9a56059b5f6f62fdc0186e927a7da
# expect: fa2f63cb1f42bd70391d3f880bb1ff3c7c6c28c7
# expect: b2f6b38ac928dc2689cc6f12395db3a12a45371d9e3830a63e5094a7912d1241
# expect: 1d7c2fdc177b11f2a9b7a93baee852f51d47f4c8332ee6a516274c5ac45af9a1602ecaf7e1c175c0b86fbf6f0c4707e2
# expect: 8c861dd7a85aee42c927ea0cdc7f27fcadfe32c2f3106936f4e84bf7ddb52616629964d9fb1a5ead2f3bff646c0179a1dac30c48230197af38dfaf356499ada9
# expect: 39ea98975eecfa5b6000ca5fdb018f50
# expect: 7f513df804ebef9725b714c825c402eded62a6e6
# expect: 5d3c5695be89668b82a4172ae9ee46ad6d450a1204bee8ee58b1f7c4de8a4bb0
# expect: 62042df43597dcdcdc9a6b5753b986fe8dfe2837e6854f21850c176a25bd2a882fe3e35b7d2307effcfa303b19f9866d
# expect: ff8948119c51fd1260030e4b75974e60c8791975e9bf21cfda25c9fdc5e2e029d0b1c6e6dee057b3d269912463aaef8de6ca80549826ea8fdcf958d786c29be5
# expect: 42b3f253151dad0e8dc3ff3798831955
# expect: 1eedd9499d10dec80ff03e070282df204c4d624f
# expect: 053560dcefaa0c70e21a2891b8bb693be78065a206f0086a4c79a98742ec8761
# expect: e3cdf34f671905898404ee0b5cd5afc66085d0580484e061538016a0ae496873f10e0b3f5001f6e298573342dade75ce
# expect: 66130551243a1d2f33147038e5609b0ee8c9ab7d86583dbe3410cd7a926a70ee76826dfa3b005f9638c09b287d8a14f64ec345b0da8e88e1331ab84420027874
# expect: 66ddcd97cfdeabb2f6fb8a999b4bc76f
# expect: bf15be717ac1b080b4f1c456692825891ff5073d
# expect: 4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c
# expect: 41a2ddb34dca0b400fa9b73a368307acbed758e85ce50527d1655a263a10e20eefa18f8116767a128877a97c11160a26
# expect: 9e2ad28633f24451bd4f3c1cb20586a21a44c3aeedbdc01b9cc8fa72917ea7bd689c82b8bf1fef89b911cf8cc46fa2c1ccc10087b2094fd4d3350ecd88526a2c
# expect: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
# expect: true
# expect: 32
# expect: 32
# expect: 64
# expect: true
# expect: "#<Digest::SHA256: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad>"
# expect: true
# expect: "kAFQmDzST7DWlj99KOF/cg=="
# expect: 20
# expect: 16
# expect: true
# expect: "ddaf35a193617aba"
# expect: true
# expect: true
# expect: true
