# error: can't find string "B"
x = "#{<<B}"
