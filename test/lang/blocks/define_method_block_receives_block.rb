class Walker
  define_method(:walk) { |&b| b.call(:step) }
end
p Walker.new.walk { |s| s }  # expect: :step
