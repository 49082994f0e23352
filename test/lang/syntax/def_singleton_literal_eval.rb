# def on a literal receiver is a syntax error; on a :"dsym" or a variable
# holding an Integer it fails when run; on a hash literal or nil it works
%w[1 1.5 2r 3i :a 'a' "a#{1}" `ls` /a/ /a#{1}/ [1] %w[a]].each do |lit|
  begin
    eval("def (#{lit}).foo; end")
  rescue SyntaxError => e
    puts e.message[/can't define.*/]
  end
end
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
# expect: can't define singleton method for literals
begin
  eval('def (:"a#{1}").foo; end')
rescue TypeError => e
  puts e.message  # expect: can't define singleton
end
x = 1
begin
  def (x).foo; end
rescue TypeError => e
  puts e.message  # expect: can't define singleton
end
h = {}
def (h).foo = 7
p h.foo  # expect: 7
def (nil).nilfoo = 8
p nil.nilfoo  # expect: 8
