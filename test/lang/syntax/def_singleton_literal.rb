# a singleton def on a literal is a SyntaxError of the program: nothing runs
puts "never printed"
def (1).foo; end
# expect error: can't define singleton method for literals
