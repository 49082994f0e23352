# error: unknown regexp option - k
/a/k
