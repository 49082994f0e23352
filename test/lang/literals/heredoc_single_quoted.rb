name = "world"
s = <<~'EOS'
  hello #{name}\n
EOS
p s  # expect: "hello \#{name}\\n\n"
