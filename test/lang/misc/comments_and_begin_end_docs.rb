=begin
p "this is a comment"
=end
x = :after_doc # trailing comment
p x  # expect: :after_doc
# full line comment
p :end  # expect: :end
