begin
  raise "current"
rescue
  p $!.message  # expect: "current"
end
p $!  # expect: nil
