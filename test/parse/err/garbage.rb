# error: Invalid char
ÿ
