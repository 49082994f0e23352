name = "world"
s = <<~"EOS"
  hello #{name}
  tab\tdone
EOS
p s  # expect: "hello world\ntab\tdone\n"
