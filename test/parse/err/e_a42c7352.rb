# error: unexpected ')'
x = 1 + )
