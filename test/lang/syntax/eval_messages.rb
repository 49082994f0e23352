# SyntaxError#message of eval'd code: CRuby's first line, the source line and
# the ^~~ caret line (with a newline at the end), or the first line alone
["foo(1 2)", "def f; end; end", "x = [1, foo 2]", "1 + bar 3", "def f=(x) = 1",
 "class A; return; end", "p x in y", "1 == 2 == 3", "def f\n  if x\n    1\n  end",
 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(1 2) + c",
 "[1].each { |x| _1 }", "end", "def f(**k, a); end", "x = \"abc"].each do |src|
  eval(src)
rescue SyntaxError => e
  p e.message
end
# expect: "(eval):1: syntax error, unexpected integer literal, expecting ')'\nfoo(1 2)\n      ^\n"
# expect: "(eval):1: syntax error, unexpected `end', expecting end-of-input\ndef f; end; end\n            ^~~\n"
# expect: "(eval):1: syntax error, unexpected integer literal, expecting `do' or '{' or '('\nx = [1, foo 2]\n            ^\n"
# expect: "(eval):1: syntax error, unexpected integer literal, expecting `do' or '{' or '('\n1 + bar 3\n        ^\n"
# expect: "(eval):1: setter method cannot be defined in an endless method definition\ndef f=(x) = 1\n^~~~~~\n"
# expect: "(eval):1: Invalid return in class/module body\nclass A; return; end\n         ^~~~~~\n"
# expect: "(eval):1: syntax error, unexpected `in', expecting end-of-input\np x in y\n    ^~\n"
# expect: "(eval):1: syntax error, unexpected ==\n1 == 2 == 3\n       ^~\n"
# expect: "(eval):4: syntax error, unexpected end-of-input, expecting `end'\n  end\n     ^\n"
# expect: "(eval):1: syntax error, unexpected integer literal, expecting ')'\n...bbbbbbbbbbbbbbbbbbbbbbbbbbb(1 2) + c\n...                              ^\n"
# expect: "(eval):1: ordinary parameter is defined"
# expect: "(eval):1: syntax error, unexpected `end'"
# expect: "(eval):1: syntax error, unexpected local variable or method, expecting & or '&'\ndef f(**k, a); end\n           ^\n"
# expect: "(eval):1: unterminated string meets end of file\nx = \"abc\n        ^\n"
