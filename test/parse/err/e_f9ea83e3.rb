# error: can't find string "EOS"
x = <<EOS
