require_relative 'h'
# Array#pack / String#unpack directives with counts, * and modifiers
vals = ['[1, 2, 3]', '[-1, 255, 256]', '[2**32 - 1, -(2**31)]', '[2**64 - 1, -(2**63)]', '[1.5, -0.0, Float::INFINITY]', '["abc", "de"]', '["h\u00e9llo"]', '[nil]', '[0x41, 0x3042, 0x10ffff]', '[2**70]']
dirs = %w[C c S s L l Q q J j n N v V U w S_ s! L> l< Q> q_ I! i> e E f d g G a A Z B b H h m M u x X @ C2 C* a3 A3 Z3 Z* B8 H3 h* U* w* m0 m30 u3 x2 X1 @3 n* N2 e* g2 Cx2C s>* L<2 a*a q!]
vals.each do |v|
  dirs.each { |d| t "#{v}.pack(#{d.inspect})" }
  t "#{v}.pack('C*').unpack('C*')"; t "#{v}.pack('U*').unpack('U*')"
end
bins = ['"\x01\x02\x03\x04\x05\x06\x07\x08".b', '"\xff\xfe\x00\x80".b', '"abc \x00 ".b', '"h\u00e9llo"', '"YWJj\n"', '"=41=42\n"', '"#86)C\n"', '"\x81\x01\x7f".b', '"\xe3\x81\x82"', '"".b']
udirs = %w[C c S s L l Q q J j n N v V U w a A Z B b H h m M u x X @ C* c2 S* s>2 L<* Q>* a3 A* Z* Z3 B* b4 H* h3 U* w* m0 x2C X2 @2C n* N* V* e* E* g* G* f d Ca2 a@0a a*X2a C0 U2]
bins.each do |b|
  udirs.each { |d| t "#{b}.unpack(#{d.inspect})"; t "#{b}.unpack1(#{d.inspect})" }
  t "#{b}.unpack('C*', offset: 2)"; t "#{b}.unpack1('a*', offset: 1)"; t "#{b}.unpack('C', offset: 99)"
end
t '[1].pack("Q", buffer: +"ab")'; t '[1,2].pack("C*", buffer: "x".b)'; t '[].pack("C")'; t '[1].pack("%")'; t '[1].pack("y")'; t '"a".unpack("y")'; t '[1].pack("C-1")'; t '[1.1].pack("C")'; t '["1"].pack("C")'
