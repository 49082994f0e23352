# a regexp literal Onigmo rejects is a SyntaxError of the program: nothing runs
puts "never printed"
x = /(unclosed/
# expect error: end pattern with unmatched parenthesis: /(unclosed/
