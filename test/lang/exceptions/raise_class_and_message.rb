begin
  raise TypeError, "bad type"
rescue TypeError => e
  p [e.class, e.message]  # expect: [TypeError, "bad type"]
end
