begin
  raise "plain message"
rescue => e
  p e.class  # expect: RuntimeError
  p e.message  # expect: "plain message"
end
