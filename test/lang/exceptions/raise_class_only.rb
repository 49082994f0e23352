begin
  raise ArgumentError
rescue => e
  p e.class  # expect: ArgumentError
  p e.message  # expect: "ArgumentError"
end
