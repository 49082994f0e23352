# a tab in the indentation stays a tab in the caret line
begin
	nil.zork
rescue NoMethodError => e
	puts e.message
end
# expect: undefined method `zork' for nil:NilClass
# expect:
# expect: 	nil.zork
# expect: 	   ^^^^^
