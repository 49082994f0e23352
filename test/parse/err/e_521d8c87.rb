# error: unterminated string meets end of file
x = "abc
