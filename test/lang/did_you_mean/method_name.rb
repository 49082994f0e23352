# NoMethodError: the closest methods of the receiver, two when equally close
begin
  "word".upcasee
rescue NoMethodError => e
  puts e.message
end
begin
  [3, 1, 2].frist
rescue NoMethodError => e
  puts e.message
end
# expect: undefined method `upcasee' for "word":String
# expect:
# expect:   "word".upcasee
# expect:         ^^^^^^^^
# expect: Did you mean?  upcase
# expect:                upcase!
# expect: undefined method `frist' for [3, 1, 2]:Array
# expect:
# expect:   [3, 1, 2].frist
# expect:            ^^^^^^
# expect: Did you mean?  first
