# An eval'd String compiles in its own encoding when that is ASCII-8BIT or
# US-ASCII, unless a magic comment in it says otherwise; a compile error
# leaves the caller's settings as they were (CRuby 3.1)
p eval('"\xff"'.b).encoding, eval('"a"'.encode("US-ASCII")).encoding, eval('"a"').encoding   # expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:UTF-8>
p eval("# encoding: us-ascii\n'a'".b).encoding, eval("# encoding: binary\n'a'").encoding   # expect: #<Encoding:US-ASCII>
# expect: #<Encoding:ASCII-8BIT>
begin
  eval("# encoding: binary\n# frozen_string_literal: true\n\"\\u00e9\\xff\"")
rescue SyntaxError => e
  puts e.class   # expect: SyntaxError
end
p eval("'a'").encoding, eval("'a'").frozen?   # expect: #<Encoding:UTF-8>
# expect: false
