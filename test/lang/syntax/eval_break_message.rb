# break in eval'd code outside a loop is a SyntaxError naming the eval's file
# and line, as CRuby's "(eval):1: Can't escape from eval with break"
def t; yield; rescue SyntaxError => e; p e.message; end
t { eval("break") }
t { eval("break", nil, "f.rb", 7) }
t { [1].each { eval("break") } }
def m = eval("1\nbreak")
t { m }
# expect: "(eval):1: Can't escape from eval with break"
# expect: "f.rb:7: Can't escape from eval with break"
# expect: "(eval):1: Can't escape from eval with break"
# expect: "(eval):2: Can't escape from eval with break"
p [1, 2].each { |x| break x * 10 }  # expect: 10
