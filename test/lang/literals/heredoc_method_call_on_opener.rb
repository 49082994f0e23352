s = <<~EOS.upcase
  shout
EOS
p s  # expect: "SHOUT\n"
