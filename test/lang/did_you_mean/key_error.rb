# KeyError from Hash#fetch: the closest keys, inspected
h = { name: 1, email: 2 }
begin
  h.fetch(:nmae)
rescue KeyError => e
  puts e.message
end
s = { "color" => 1 }
begin
  s.fetch("colour")
rescue KeyError => e
  puts e.message
end
begin
  s.fetch("zzz")
rescue KeyError => e
  puts e.message
end
# expect: key not found: :nmae
# expect: Did you mean?  :name
# expect: key not found: "colour"
# expect: Did you mean?  "color"
# expect: key not found: "zzz"
