foo(<<~A, <<-B, 1).bar <<C
  a1
    a2
  A
  b1
  B
c1 #{<<D} c2
d1
D
C
x = <<~'RAW'.strip
  raw #{x} \n
RAW
puts(<<~EOS)
	tab
        spaces
EOS
