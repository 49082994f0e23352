# uninitialized constant: Object's constants; none when the message already names it
begin
  Strng
rescue NameError => e
  puts e.message
end
module Shapes
  class Circle; end
end
begin
  Shapes::Circel
rescue NameError => e
  puts e.message
end
# expect: uninitialized constant Strng
# expect:
# expect:   Strng
# expect:   ^^^^^
# expect: Did you mean?  String
# expect: uninitialized constant Shapes::Circel
# expect:
# expect:   Shapes::Circel
# expect:         ^^^^^^^^
# expect: Did you mean?  Shapes::Circle
