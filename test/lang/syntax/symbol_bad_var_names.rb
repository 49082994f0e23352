# :@ :@1 :@@ :$ :$% are the syntax errors the bare variable names are, as in CRuby
[':@', ':@@', ':@1', ':@@1', ':$', ':$%', ':$)'].each do |src|
  begin
    eval(src)
  rescue SyntaxError => e
    puts e.message[/`.*/]
  end
end
# expect: `@' without identifiers is not allowed as an instance variable name
# expect: `@@' without identifiers is not allowed as a class variable name
# expect: `@1' is not allowed as an instance variable name
# expect: `@@1' is not allowed as a class variable name
# expect: `$' without identifiers is not allowed as a global variable name
# expect: `$%' is not allowed as a global variable name
# expect: `$)' is not allowed as a global variable name
p [:@a, :@@b, :$c, :$1, :$-w, :$~]  # expect: [:@a, :@@b, :$c, :$1, :$-w, :$~]
p(true ? 1 :@a)  # expect: 1
