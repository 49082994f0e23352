s = <<EOS
line one
  line two
EOS
p s  # expect: "line one\n  line two\n"
