# no call of the missing name on the line: the call that raised is marked
# (send, a C method such as Struct#[], or raise)
class Box
  def open = "open"
  def inspect = "#<Box>"
end
begin
  Box.new.send(:opne)
rescue NoMethodError => e
  puts e.message
end
Pair = Struct.new(:left, :right)
begin
  Pair.new(1, 2)[:lefft]
rescue NameError => e
  puts e.message
end
begin
  raise NameError.new("made up", :nothing_here)
rescue NameError => e
  puts e.message
end
# expect: undefined method `opne' for #<Box>
# expect:
# expect:   Box.new.send(:opne)
# expect:          ^^^^^
# expect: Did you mean?  open
# expect: no member 'lefft' in struct
# expect:
# expect:   Pair.new(1, 2)[:lefft]
# expect:                 ^^^^^^^^
# expect: Did you mean?  left
# expect:                left=
# expect: made up
# expect:
# expect:   raise NameError.new("made up", :nothing_here)
# expect:   ^^^^^
