a = "tab\there\n\s\e\0\a\b\f\v\r\101\x41\u0041\u{41 42 1F600}\cA\C-a\M-a\M-\C-a"
b = 'it''s \\ \' \n'
c = "x#{1 + "y#{2}z".size}w"
d = "#@iv #$gv #@@cv"
e = <<~EOS
    line1
      #{d} indented
    line3
  EOS
f = <<-'RAW'
  raw #{x} \n
  RAW
g = [<<A, <<B]
first
A
second
B
h = %w[a b\ c d]
i = %i[x y]
j = %W[a#{1}b c]
k = %q(a (nested) b)
l = :"sym#{1}"
m = /a#{1}b/imx
n = ?a + ?\n
o = "a" 'b' "c"
p1 = <<~E.strip
  hi
E
