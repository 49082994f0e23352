s = <<~EOS
  a

    b
EOS
p s  # expect: "a\n\n  b\n"
