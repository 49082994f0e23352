# x += 1 on nil: the caret under the operator
def count(total)
  total += 1
rescue NoMethodError => e
  puts e.message
end
count(nil)
# expect: undefined method `+' for nil:NilClass
# expect:
# expect:   total += 1
# expect:         ^
