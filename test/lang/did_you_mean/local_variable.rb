# NameError for a misspelt local variable: e.message has error_highlight's
# source line and caret, then did_you_mean's suggestion
first_name = "Ada"
begin
  frist_name
rescue NameError => e
  puts e.message
end
p first_name
# expect: undefined local variable or method `frist_name' for main:Object
# expect:
# expect:   frist_name
# expect:   ^^^^^^^^^^
# expect: Did you mean?  first_name
# expect: "Ada"
