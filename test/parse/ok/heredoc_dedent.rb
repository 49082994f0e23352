a = <<~E
  x

    y
 
E
b = <<~E
	x
        y
  	z
E
c = <<~E
    a #{1} b
  #{2}
      c
E
d = <<-E
  keep
  E
e = <<~E
  line \
  cont
  end
E
f = <<~"E"
  \ta
  b
E
g = <<~E
#{1}
E
h = <<~E
E
i = <<~`E`
  ls
E
