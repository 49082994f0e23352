# error: unexpected integer literal
1 2
