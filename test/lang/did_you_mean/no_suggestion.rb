# nothing close: only the message and the highlight; nil's own methods are never suggested
begin
  nil.lenght
rescue NoMethodError => e
  puts e.message
end
begin
  qwertyuiop
rescue NameError => e
  puts e.message
end
# expect: undefined method `lenght' for nil:NilClass
# expect:
# expect:   nil.lenght
# expect:      ^^^^^^^
# expect: undefined local variable or method `qwertyuiop' for main:Object
# expect:
# expect:   qwertyuiop
# expect:   ^^^^^^^^^^
