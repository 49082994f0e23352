# error: expecting ')'
foo(1
