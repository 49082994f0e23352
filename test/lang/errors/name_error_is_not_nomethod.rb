begin
  undefined_thing_xyz
rescue NoMethodError
  puts "nomethod"
rescue NameError => e
  p e.class  # expect: NameError
  p e.name  # expect: :undefined_thing_xyz
end
begin
  undefined_thing_xyz()
rescue NoMethodError => e
  p e.class  # expect: NoMethodError
end
